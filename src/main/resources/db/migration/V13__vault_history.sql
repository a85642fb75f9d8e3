-- A vault's state over time (issue #26): NAV, share price, utilisation, buffer, coverage and band, for the
-- dashboard's history charts. One row per vault and minute, the state the minute closed on: the first sample of a
-- minute inserts it, later ones from any instance update it (ON CONFLICT on the key). No foreign key to vault: its
-- check takes a KEY SHARE lock on the vault's row, so every sample would wait for the command holding that row
-- (a trade, a settlement) and the sampler would queue behind the busiest vault.
CREATE TABLE vault_history (
    vault       TEXT             NOT NULL,
    at          TIMESTAMPTZ      NOT NULL,
    spot        BIGINT,
    nav         BIGINT           NOT NULL,
    share_price NUMERIC          NOT NULL,
    utilization DOUBLE PRECISION NOT NULL,
    buffer      BIGINT           NOT NULL,
    stress_loss BIGINT           NOT NULL,
    coverage    DOUBLE PRECISION,
    risk_level  TEXT             NOT NULL,
    PRIMARY KEY (vault, at)
);
