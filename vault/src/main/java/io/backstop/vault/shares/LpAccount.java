package io.backstop.vault.shares;

/**
 * One LP's holding in one vault: the shares they can redeem. Shares waiting in the withdrawal queue are held by
 * the queue, not here.
 *
 * @param vault  the vault id
 * @param owner  the LP
 * @param shares shares held
 */
public record LpAccount(String vault, String owner, Shares shares) {

    public LpAccount {
        if (vault == null || owner == null || owner.isBlank() || shares == null) {
            throw new IllegalArgumentException("an LP account needs a vault, an owner and shares");
        }
    }

    /** A new account with no shares. */
    public static LpAccount open(String vault, String owner) {
        return new LpAccount(vault, owner, Shares.ZERO);
    }

    public LpAccount withShares(Shares newShares) {
        return new LpAccount(vault, owner, newShares);
    }
}
