package io.backstop.vault.simulation.cli;

import io.backstop.vault.simulation.PathSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code paths.csv}: one row per path, the figures the report's quantiles and probabilities come from. */
final class PathsCsv {

    static final String HEADER = "path,final_spot,lp_return,max_drawdown,loss_beyond_lp,socialised_loss,"
            + "required_buffer,payout_ratio,buffer_exhausted,end_buffer,trades_accepted,trades_rejected,deposits,"
            + "withdrawals,mean_live_series";

    private PathsCsv() {
    }

    static void write(Path file, PathSummary[] summaries) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.newLine();
            StringBuilder row = new StringBuilder(160);
            for (PathSummary s : summaries) {
                row.setLength(0);
                row.append(s.path()).append(',').append(s.finalSpot()).append(',').append(s.lpReturn()).append(',')
                        .append(s.maxDrawdown()).append(',').append(s.lossBeyondLp()).append(',')
                        .append(s.socialisedLoss()).append(',').append(s.requiredBuffer()).append(',')
                        .append(s.payoutRatio()).append(',').append(s.bufferExhausted()).append(',')
                        .append(s.endBuffer()).append(',').append(s.tradesAccepted()).append(',')
                        .append(s.tradesRejected()).append(',').append(s.deposits()).append(',')
                        .append(s.withdrawals()).append(',').append(s.meanLiveSeries());
                w.append(row);
                w.newLine();
            }
        }
    }
}
