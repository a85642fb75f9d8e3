package io.backstop.service;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The journal folded again, account by account, against every vault's balance columns. */
final class JournalFold {

    private static final List<String> COLUMNS = List.of("cash", "lp_free", "locked", "buffer", "treasury",
            "trader_payouts", "dust");

    private JournalFold() {
    }

    /** Each vault column that differs from the fold of its postings, as "vault column: column != fold". */
    static List<String> mismatches(Connection db) throws SQLException {
        String fold = """
                SELECT v.id,
                       v.cash, v.lp_free, v.locked, v.buffer, v.treasury, v.trader_payouts, v.dust,
                       COALESCE(SUM(CASE WHEN j.account = 'CASH' THEN (CASE j.side WHEN 'DEBIT' THEN j.amount
                           ELSE -j.amount END) END), 0) AS cash_fold,
                       COALESCE(SUM(CASE WHEN j.account = 'LP_FREE' THEN s.sign * j.amount END), 0) AS lp_free_fold,
                       COALESCE(SUM(CASE WHEN j.account = 'LOCKED' THEN s.sign * j.amount END), 0) AS locked_fold,
                       COALESCE(SUM(CASE WHEN j.account = 'BUFFER' THEN s.sign * j.amount END), 0) AS buffer_fold,
                       COALESCE(SUM(CASE WHEN j.account = 'TREASURY' THEN s.sign * j.amount END), 0) AS treasury_fold,
                       COALESCE(SUM(CASE WHEN j.account = 'TRADER_PAYOUTS' THEN s.sign * j.amount END), 0)
                           AS trader_payouts_fold,
                       COALESCE(SUM(CASE WHEN j.account = 'DUST' THEN s.sign * j.amount END), 0) AS dust_fold
                FROM vault v
                LEFT JOIN journal j ON j.vault = v.id
                LEFT JOIN (VALUES ('CREDIT', 1), ('DEBIT', -1)) AS s(side, sign) ON s.side = j.side
                GROUP BY v.id
                """;
        List<String> mismatches = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery(fold)) {
            while (rows.next()) {
                for (String column : COLUMNS) {
                    if (rows.getLong(column + "_fold") != rows.getLong(column)) {
                        mismatches.add(rows.getString("id") + " " + column + ": " + rows.getLong(column) + " != "
                                + rows.getLong(column + "_fold"));
                    }
                }
            }
        }
        return mismatches;
    }

    /** How many vaults there are. */
    static int vaults(Connection db) throws SQLException {
        try (Statement sql = db.createStatement(); ResultSet row = sql.executeQuery("SELECT count(*) FROM vault")) {
            row.next();
            return row.getInt(1);
        }
    }
}
