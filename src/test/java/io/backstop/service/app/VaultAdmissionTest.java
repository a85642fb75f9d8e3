package io.backstop.service.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.UniAssertSubscriber;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The per-vault admission on its own (no Vert.x context: commands resume on the thread that frees their place):
 * two at a time, in arrival order, every place given back whether the command succeeds, fails or is cancelled
 * while waiting, and nothing kept for a vault once it is idle.
 */
class VaultAdmissionTest {

    private final VaultAdmission admission = new VaultAdmission();
    private final AtomicInteger started = new AtomicInteger();
    private final List<CompletableFuture<String>> running = new ArrayList<>();

    private Uni<String> command() {
        started.incrementAndGet();
        CompletableFuture<String> f = new CompletableFuture<>();
        running.add(f);
        return Uni.createFrom().completionStage(f);
    }

    @Test
    void twoAtATimeInArrivalOrderAndNothingLeftWhenIdle() {
        List<UniAssertSubscriber<String>> subscribers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            subscribers.add(admission.admit("v", this::command).subscribe()
                    .withSubscriber(UniAssertSubscriber.create()));
        }
        assertThat(started).hasValue(VaultAdmission.PER_VAULT);
        running.get(0).complete("first");
        assertThat(started).hasValue(3);
        running.get(1).completeExceptionally(new IllegalStateException("refused"));   // a failure frees its place too
        assertThat(started).hasValue(4);
        running.get(2).complete("third");
        running.get(3).complete("fourth");
        running.get(4).complete("fifth");

        subscribers.get(0).assertItem("first");
        subscribers.get(1).assertFailedWith(IllegalStateException.class, "refused");
        subscribers.get(4).assertItem("fifth");
        assertThat(admission.vaultsInUse()).isZero();
    }

    @Test
    void aCommandCancelledWhileWaitingNeverRunsAndPassesItsTurnOn() {
        List<UniAssertSubscriber<String>> subscribers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            subscribers.add(admission.admit("v", this::command).subscribe()
                    .withSubscriber(UniAssertSubscriber.create()));
        }
        subscribers.get(2).cancel();
        running.get(0).complete("a");
        running.get(1).complete("b");
        assertThat(started).hasValue(2);
        assertThat(admission.vaultsInUse()).isZero();
        // The vault takes new commands at once.
        admission.admit("v", () -> Uni.createFrom().item("c")).subscribe().withSubscriber(UniAssertSubscriber.create())
                .assertItem("c");
    }

    @Test
    void vaultsNamedOnceLeaveNoGateBehind() {
        for (int i = 0; i < 1_000; i++) {
            admission.admit("no-such-vault-" + i, () -> Uni.createFrom().<String>failure(new IllegalStateException()))
                    .subscribe().withSubscriber(UniAssertSubscriber.create())
                    .assertFailedWith(IllegalStateException.class);
        }
        assertThat(admission.vaultsInUse()).isZero();
    }
}
