package io.backstop.vault.buffer;

import io.backstop.vault.VaultEvent;
import io.backstop.vault.ledger.Account;
import io.backstop.vault.ledger.Amount;
import io.backstop.vault.ledger.JournalEntry;
import java.time.Instant;

/**
 * The insurance buffer: funded by the fee share of every sale, by explicit top-ups and optionally by a share of LP
 * premium income; drawn only by the settlement waterfall. Its balance is the buffer account of the ledger and its
 * history the {@link VaultEvent.BufferFunded} and {@link VaultEvent.BufferDrawn} events.
 */
public final class InsuranceBuffer {

    /** Source of fee funding. */
    public static final String FEES = "fees";
    /** Source of an explicit top-up by the protocol team. */
    public static final String TOP_UP = "top-up";

    private InsuranceBuffer() {
    }

    /** The entry for a top-up: new cash into the buffer. */
    public static JournalEntry topUp(String vault, Amount amount, Instant at) {
        return JournalEntry.transfer(vault, at, "buffer top-up", Account.CASH, Account.BUFFER, amount);
    }
}
