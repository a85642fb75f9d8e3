package io.backstop.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backstop.service.api.ProblemType;
import io.backstop.service.app.Refusal;
import io.backstop.vault.RejectionCode;
import org.junit.jupiter.api.Test;

/** The catalogue has a type, with a client-error or server-error status, for every reason a refusal can name. */
class ProblemTypeTest {

    @Test
    void everyEngineRejectionAndServiceRefusalHasAProblemType() {
        for (RejectionCode code : RejectionCode.values()) {
            assertThat(ProblemType.of(code).status()).as(code.name()).isBetween(400, 499);
        }
        for (Refusal refusal : Refusal.values()) {
            assertThat(ProblemType.of(refusal).status()).as(refusal.name()).isBetween(400, 599);
        }
        assertThat(ProblemType.of(RejectionCode.QUOTE_NOT_YOURS)).isEqualTo(ProblemType.FORBIDDEN);
        assertThat(ProblemType.of(Refusal.CONTENTION).status()).isEqualTo(503);
        assertThat(ProblemType.PRICE_JUMP.uri()).isEqualTo("https://backstop.io/problems/price-jump");
        assertThatThrownBy(() -> ProblemType.bySlug("no-such-thing")).isInstanceOf(IllegalArgumentException.class);
    }
}
