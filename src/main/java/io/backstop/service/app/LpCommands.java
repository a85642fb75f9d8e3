package io.backstop.service.app;

import io.backstop.service.store.Aggregates;
import io.backstop.service.store.LpAccountRecord;
import io.backstop.service.store.VaultRecord;
import io.backstop.vault.Outcome;
import io.backstop.vault.Valuation;
import io.backstop.vault.VaultEngine;
import io.backstop.vault.VaultState;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.shares.LpAccount;
import io.backstop.vault.shares.Shares;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.function.Function;

/**
 * LP deposits and withdrawals, each once per idempotency key in a transaction of its own: lock the vault, value it
 * at the oracle's spot, let the engine decide, store the account and the vault.
 */
@ApplicationScoped
public class LpCommands {

    private final VaultBooks books;
    private final ServiceClock clock;
    private final Idempotency idempotency;
    private final CommandTransaction transaction;

    public LpCommands(VaultBooks books, ServiceClock clock, Idempotency idempotency, CommandTransaction transaction) {
        this.books = books;
        this.transaction = transaction;
        this.clock = clock;
        this.idempotency = idempotency;
    }

    /**
     * A deposit for the LP who sent the request: shares minted at the share price.
     *
     * @param answer what the LP is told of the deposit, stored for repeats of the request
     */
    public Uni<Idempotency.Answer> deposit(Idempotency.Request request, String vaultId, Amount amount,
            Function<VaultEngine.DepositResult, ?> answer) {
        return idempotency.once(request, new Object[] {"deposit", vaultId, amount}, () -> withAccount(vaultId,
                request.subject(), ctx -> VaultEngine.deposit(ctx.vault, ctx.account, amount, ctx.valuation, ctx.now),
                VaultEngine.DepositResult::vault, VaultEngine.DepositResult::account).map(answer));
    }

    /**
     * The LP who sent the request redeems shares: paid, partly paid or queued.
     *
     * @param answer what the LP is told of the withdrawal, stored for repeats of the request
     */
    public Uni<Idempotency.Answer> withdraw(Idempotency.Request request, String vaultId, Shares shares,
            Function<VaultEngine.WithdrawalResult, ?> answer) {
        return idempotency.once(request, new Object[] {"withdrawal", vaultId, shares}, () -> withAccount(vaultId,
                request.subject(), ctx -> VaultEngine.withdraw(ctx.vault, ctx.account, shares, ctx.valuation,
                        ctx.now), VaultEngine.WithdrawalResult::vault, VaultEngine.WithdrawalResult::account)
                .map(answer));
    }

    /**
     * The LP who sent the request takes back what is still queued of their withdrawals, in a transaction of its
     * own; no price is needed, nothing is valued. 409 {@code nothing-queued} if they have nothing queued.
     */
    public Uni<VaultEngine.CancellationResult> cancelQueued(String vaultId, String owner) {
        Instant now = clock.now();
        return transaction.run(() -> books.lock(vaultId).chain(row -> LpAccountRecord.<LpAccountRecord>findById(
                new LpAccountRecord.Key(vaultId, owner)).chain(accountRow -> {
                    VaultState vault = Aggregates.vault(row);
                    Outcome<VaultEngine.CancellationResult> outcome = VaultEngine.cancelQueuedWithdrawals(vault,
                            Aggregates.account(vaultId, owner, accountRow), now);
                    VaultEngine.CancellationResult result = VaultBooks.accepted(outcome);
                    // Shares are only ever queued from an account, so a cancellation always finds one.
                    accountRow.shares = result.account().shares().units();
                    return books.record(row, result.vault(), outcome).replaceWith(result);
                })));
    }

    /** What an LP command runs on: the locked vault, then its valuation and the LP's account as they are read. */
    private record Context(VaultRecord row, VaultState vault, Valuation valuation, LpAccountRecord accountRow,
            LpAccount account, Instant now) {

        Context(VaultRecord row, Instant now) {
            this(row, Aggregates.vault(row), null, null, null, now);
        }

        Context valuedAt(Valuation v) {
            return new Context(row, vault, v, accountRow, account, now);
        }

        Context withAccount(String owner, LpAccountRecord accountRow) {
            return new Context(row, vault, valuation, accountRow, Aggregates.account(vault.id(), owner, accountRow),
                    now);
        }
    }

    private <T> Uni<T> withAccount(String vaultId, String owner, Function<Context, Outcome<T>> command,
            Function<T, VaultState> vaultAfter, Function<T, LpAccount> accountAfter) {
        Instant now = clock.now();
        return books.lock(vaultId)
                .map(row -> new Context(row, now))
                .chain(ctx -> books.valuation(ctx.vault(), now).map(ctx::valuedAt))
                .chain(ctx -> LpAccountRecord.<LpAccountRecord>findById(new LpAccountRecord.Key(vaultId, owner))
                        .map(accountRow -> ctx.withAccount(owner, accountRow)))
                .chain(ctx -> {
                    Outcome<T> outcome = command.apply(ctx);
                    T result = VaultBooks.accepted(outcome);
                    LpAccountRecord target = ctx.accountRow() != null ? ctx.accountRow() : new LpAccountRecord();
                    target.vault = vaultId;
                    target.owner = owner;
                    target.shares = accountAfter.apply(result).shares().units();
                    return VaultBooks.saveIfNew(target, ctx.accountRow() == null)
                            .chain(() -> books.record(ctx.row(), vaultAfter.apply(result), outcome))
                            .replaceWith(result);
                });
    }
}
