package io.backstop.service.app;

import io.backstop.service.store.QuoteRecord;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Numbers for quotes, drawn from the database's {@code quote_number} sequence a block at a time. A number drawn is
 * this instance's alone (another instance draws others), so holding a block in memory contradicts nothing; numbers
 * not used before a restart are simply skipped. One round trip per block rather than one per quote.
 */
@ApplicationScoped
public class QuoteNumbers {

    /** Numbers drawn per round trip. */
    static final int BLOCK = 64;

    private final Queue<Long> drawn = new ConcurrentLinkedQueue<>();

    /** The next quote number, drawing a block in the current session when none is left. */
    public Uni<Long> next() {
        Long number = drawn.poll();
        if (number != null) {
            return Uni.createFrom().item(number);
        }
        return QuoteRecord.numbers(BLOCK).map(block -> {
            drawn.addAll(block.subList(1, block.size()));
            return block.get(0);
        });
    }
}
