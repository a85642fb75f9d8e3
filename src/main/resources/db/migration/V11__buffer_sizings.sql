-- The buffer sized by simulation inside the service (issue #24): each sizing with its inputs, so that it can be run
-- again and judged stale (older than two intervals, or of another book version). Money in minor units.
CREATE TABLE buffer_sizing (
    id                  BIGSERIAL PRIMARY KEY,
    vault               TEXT             NOT NULL REFERENCES vault (id),
    sized_at            TIMESTAMPTZ      NOT NULL,
    requested_by        TEXT             NOT NULL, -- an operator's name, or 'schedule'
    model               TEXT             NOT NULL,
    paths               INTEGER          NOT NULL CHECK (paths > 0),
    horizon_days        INTEGER          NOT NULL CHECK (horizon_days > 0),
    seed                BIGINT           NOT NULL,
    target              DOUBLE PRECISION NOT NULL CHECK (target > 0 AND target < 1),
    book_version        BIGINT           NOT NULL,
    var99               BIGINT           NOT NULL CHECK (var99 >= 0),
    var999              BIGINT           NOT NULL CHECK (var999 >= 0),
    cvar99              BIGINT           NOT NULL CHECK (cvar99 >= 0),
    cvar999             BIGINT           NOT NULL CHECK (cvar999 >= 0),
    p_buffer_draw       DOUBLE PRECISION NOT NULL,
    p_socialised        DOUBLE PRECISION NOT NULL,
    recommended_buffer  BIGINT           NOT NULL CHECK (recommended_buffer >= 0)
);
CREATE INDEX buffer_sizing_latest ON buffer_sizing (vault, sized_at DESC);
