-- Backstop's books. Money is in integer minor units (6 decimals), shares in 1e-9 units. The vault row is the one
-- serialisation point of every command on a vault (SELECT ... FOR UPDATE); the journal is append-only and the
-- vault's balance columns are its fold, which a test recomputes.

CREATE TABLE vault (
    id                    TEXT PRIMARY KEY,
    underlying            TEXT        NOT NULL,
    quote_currency        TEXT        NOT NULL,
    parameters            TEXT        NOT NULL, -- JSON: version, values, volatility surface
    cash                  BIGINT      NOT NULL CHECK (cash >= 0),
    lp_free               BIGINT      NOT NULL CHECK (lp_free >= 0),
    locked                BIGINT      NOT NULL CHECK (locked >= 0),
    buffer                BIGINT      NOT NULL CHECK (buffer >= 0),
    treasury              BIGINT      NOT NULL CHECK (treasury >= 0),
    trader_payouts        BIGINT      NOT NULL CHECK (trader_payouts >= 0),
    dust                  BIGINT      NOT NULL CHECK (dust >= 0),
    total_shares          BIGINT      NOT NULL CHECK (total_shares >= 0),
    risk_level            TEXT        NOT NULL,
    exposure              TEXT        NOT NULL, -- JSON array: liability per stress scenario
    simulated_stress_loss BIGINT      NOT NULL CHECK (simulated_stress_loss >= 0),
    sequence              BIGINT      NOT NULL CHECK (sequence >= 0),
    withdrawal_queue      TEXT        NOT NULL, -- JSON array of {owner, shares, queuedAt}
    created_at            TIMESTAMPTZ NOT NULL,
    CHECK (cash = lp_free + locked + buffer + treasury + trader_payouts + dust)
);

CREATE TABLE lp_account (
    vault  TEXT   NOT NULL REFERENCES vault (id),
    owner  TEXT   NOT NULL,
    shares BIGINT NOT NULL CHECK (shares >= 0),
    PRIMARY KEY (vault, owner)
);

CREATE TABLE option_series (
    vault            TEXT             NOT NULL REFERENCES vault (id),
    id               TEXT             NOT NULL,
    option_type      TEXT             NOT NULL CHECK (option_type IN ('CALL', 'PUT')),
    strike           BIGINT           NOT NULL CHECK (strike > 0),
    expiry           TIMESTAMPTZ      NOT NULL,
    open_interest    BIGINT           NOT NULL CHECK (open_interest >= 0),
    locked           BIGINT           NOT NULL CHECK (locked >= 0),
    stress_values    TEXT             NOT NULL, -- JSON array: value per contract per stress scenario
    settlement_price BIGINT CHECK (settlement_price > 0),
    pending_reason   TEXT,                      -- why an expired series is not settled yet
    PRIMARY KEY (vault, id)
);
CREATE INDEX option_series_unsettled ON option_series (expiry) WHERE settlement_price IS NULL;

CREATE TABLE quote (
    id                  TEXT PRIMARY KEY,
    vault               TEXT             NOT NULL REFERENCES vault (id),
    owner               TEXT             NOT NULL,
    option_type         TEXT             NOT NULL,
    strike              BIGINT           NOT NULL,
    expiry              TIMESTAMPTZ      NOT NULL,
    quantity            BIGINT           NOT NULL CHECK (quantity > 0),
    spot                DOUBLE PRECISION NOT NULL,
    iv                  DOUBLE PRECISION NOT NULL,
    theoretical         BIGINT           NOT NULL,
    spread              BIGINT           NOT NULL,
    fees                BIGINT           NOT NULL,
    buffer_contribution BIGINT           NOT NULL,
    treasury            BIGINT           NOT NULL,
    collateral          BIGINT           NOT NULL,
    issued_at           TIMESTAMPTZ      NOT NULL,
    valid_until         TIMESTAMPTZ      NOT NULL,
    taken               BOOLEAN          NOT NULL
);

CREATE TABLE position (
    id        TEXT PRIMARY KEY,
    vault     TEXT        NOT NULL REFERENCES vault (id),
    owner     TEXT        NOT NULL,
    series    TEXT        NOT NULL,
    quantity  BIGINT      NOT NULL CHECK (quantity > 0),
    premium   BIGINT      NOT NULL CHECK (premium >= 0),
    payout    BIGINT CHECK (payout >= 0),
    paid_out  BOOLEAN     NOT NULL,
    opened_at TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (vault, series) REFERENCES option_series (vault, id)
);
CREATE INDEX position_owner ON position (owner);
CREATE INDEX position_series ON position (vault, series);

-- One row per posting; the postings of one entry share its entry number and balance to the unit.
CREATE SEQUENCE journal_entry_number;
CREATE TABLE journal (
    id        BIGSERIAL PRIMARY KEY,
    entry     BIGINT      NOT NULL,
    vault     TEXT        NOT NULL REFERENCES vault (id),
    at        TIMESTAMPTZ NOT NULL,
    memo      TEXT        NOT NULL,
    account   TEXT        NOT NULL,
    series    TEXT,
    side      TEXT        NOT NULL CHECK (side IN ('DEBIT', 'CREDIT')),
    amount    BIGINT      NOT NULL CHECK (amount > 0)
);
CREATE INDEX journal_vault ON journal (vault, id);

CREATE FUNCTION journal_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the journal is append-only: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON journal
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();

CREATE TABLE settlement (
    vault           TEXT             NOT NULL REFERENCES vault (id),
    series          TEXT             NOT NULL,
    price           BIGINT           NOT NULL,
    claims          BIGINT           NOT NULL,
    paid            BIGINT           NOT NULL,
    from_locked     BIGINT           NOT NULL,
    from_lp_capital BIGINT           NOT NULL,
    from_buffer     BIGINT           NOT NULL,
    socialised_loss BIGINT           NOT NULL,
    payout_ratio    DOUBLE PRECISION NOT NULL,
    settled_at      TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (vault, series)
);

CREATE TABLE oracle_price (
    id          BIGSERIAL PRIMARY KEY,
    underlying  TEXT        NOT NULL,
    price       BIGINT      NOT NULL CHECK (price > 0),
    observed_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL,
    UNIQUE (underlying, observed_at)
);

-- The outbox of domain events: the SSE stream and the messaging relay read it, so every instance sees them all.
CREATE TABLE vault_event (
    id      BIGSERIAL PRIMARY KEY,
    vault   TEXT        NOT NULL,
    at      TIMESTAMPTZ NOT NULL,
    type    TEXT        NOT NULL,
    payload TEXT        NOT NULL
);
CREATE INDEX vault_event_vault ON vault_event (vault, id);

CREATE TABLE parameter_change (
    vault   TEXT        NOT NULL REFERENCES vault (id),
    version BIGINT      NOT NULL,
    actor   TEXT        NOT NULL,
    reason  TEXT        NOT NULL,
    changes TEXT        NOT NULL, -- JSON object: key -> new value
    at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (vault, version)
);

CREATE TABLE idempotency_key (
    subject      TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    status       INTEGER     NOT NULL,
    body         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (subject, key)
);

-- Local mode's controllable clock: an offset from the system clock, shared by every instance on the database.
CREATE TABLE service_clock (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    offset_ms BIGINT NOT NULL
);
INSERT INTO service_clock (id, offset_ms) VALUES (1, 0);

-- How far the messaging relay has published the outbox; one instance at a time holds the row.
CREATE TABLE event_relay (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    last_id BIGINT NOT NULL
);
INSERT INTO event_relay (id, last_id) VALUES (1, 0);
