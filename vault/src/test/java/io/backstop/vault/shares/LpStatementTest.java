package io.backstop.vault.shares;

import static org.assertj.core.api.Assertions.assertThat;

import io.backstop.vault.ledger.Amount;
import org.junit.jupiter.api.Test;

class LpStatementTest {

    @Test
    void pnlIsWhatIsHeldPlusWhatCameBackLessWhatWentIn() {
        LpStatement s = LpStatement.of(Amount.parse("10000"), Amount.parse("4000"), Amount.parse("6500"));
        assertThat(s.netDeposits()).isEqualTo(Amount.parse("6000"));
        assertThat(s.pnl()).isEqualTo(Amount.parse("500"));
        assertThat(s.returnRate()).isEqualTo(0.05);
        LpStatement loss = LpStatement.of(Amount.parse("10000"), Amount.ZERO, Amount.parse("9000"));
        assertThat(loss.pnl()).isEqualTo(Amount.parse("-1000"));
        assertThat(LpStatement.of(Amount.ZERO, Amount.ZERO, Amount.ZERO).returnRate()).isNull();
    }
}
