package io.backstop.service.app;

import io.backstop.service.store.Aggregates;
import io.backstop.service.store.LpAccountRecord;
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

/** LP deposits and withdrawals: each locks the vault, values it at the oracle's spot and runs the engine. */
@ApplicationScoped
public class LpCommands {

    private final VaultBooks books;
    private final ServiceClock clock;

    public LpCommands(VaultBooks books, ServiceClock clock) {
        this.books = books;
        this.clock = clock;
    }

    /** Inside a transaction: deposit for the LP; the result has shares minted, amount and share price. */
    public Uni<VaultEngine.DepositResult> deposit(String vaultId, String owner, Amount amount) {
        return withAccount(vaultId, owner, (ctx) -> VaultEngine.deposit(ctx.vault, ctx.account, amount,
                ctx.valuation, ctx.now), VaultEngine.DepositResult::vault, VaultEngine.DepositResult::account);
    }

    /** Inside a transaction: the LP redeems shares (paid, partly paid or queued). */
    public Uni<VaultEngine.WithdrawalResult> withdraw(String vaultId, String owner, Shares shares) {
        return withAccount(vaultId, owner, (ctx) -> VaultEngine.withdraw(ctx.vault, ctx.account, shares,
                ctx.valuation, ctx.now), VaultEngine.WithdrawalResult::vault, VaultEngine.WithdrawalResult::account);
    }

    private record Context(VaultState vault, LpAccount account, Valuation valuation, Instant now) {
    }

    private <T> Uni<T> withAccount(String vaultId, String owner, Function<Context, Outcome<T>> command,
            Function<T, VaultState> vaultAfter, Function<T, LpAccount> accountAfter) {
        Instant now = clock.now();
        return books.lock(vaultId).chain(row -> {
            VaultState vault = Aggregates.vault(row);
            return books.valuation(vault, now).chain(valuation -> LpAccountRecord
                    .<LpAccountRecord>findById(new LpAccountRecord.Key(vaultId, owner)).chain(accountRow -> {
                        LpAccount account = Aggregates.account(vaultId, owner, accountRow);
                        Outcome<T> outcome = command.apply(new Context(vault, account, valuation, now));
                        T result = VaultBooks.accepted(outcome);
                        LpAccountRecord target = accountRow != null ? accountRow : new LpAccountRecord();
                        target.vault = vaultId;
                        target.owner = owner;
                        target.shares = accountAfter.apply(result).shares().units();
                        return VaultBooks.saveIfNew(target, accountRow == null)
                                .chain(() -> books.record(row, vaultAfter.apply(result), outcome))
                                .replaceWith(result);
                    }));
        });
    }
}
