-- Selling to close (issue #25). A position sold back in part holds fewer contracts and carries the premium of
-- those it still holds; sold back whole it holds none and is closed, with nothing left to settle.
ALTER TABLE position DROP CONSTRAINT position_quantity_check;
ALTER TABLE position ADD CONSTRAINT position_quantity_check CHECK (quantity >= 0);
-- What the trade bought and paid, kept as they were for the trader's history.
ALTER TABLE position ADD COLUMN bought BIGINT, ADD COLUMN paid BIGINT;
UPDATE position SET bought = quantity, paid = premium;
ALTER TABLE position ALTER COLUMN bought SET NOT NULL, ALTER COLUMN paid SET NOT NULL;

-- The pool's bids are quotes made to a holder for a position: the same columns (collateral is what the pool locks
-- for a sale and 0 for a bid, whose release is decided when it is taken), and the position they buy from.
ALTER TABLE quote ADD COLUMN position TEXT REFERENCES position (id);

-- Each buyback, inserted once: a trader's history lists them beside buys and payouts.
CREATE TABLE buyback (
    id        TEXT PRIMARY KEY,
    vault     TEXT        NOT NULL REFERENCES vault (id),
    owner     TEXT        NOT NULL,
    position  TEXT        NOT NULL REFERENCES position (id),
    series    TEXT        NOT NULL,
    quantity  BIGINT      NOT NULL CHECK (quantity > 0),
    proceeds  BIGINT      NOT NULL CHECK (proceeds >= 0),
    fees      BIGINT      NOT NULL CHECK (fees >= 0),
    released  BIGINT      NOT NULL CHECK (released >= 0),
    bid       TEXT REFERENCES quote (id),
    at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX buyback_owner ON buyback (owner, at);
