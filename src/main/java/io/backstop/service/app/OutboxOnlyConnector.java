package io.backstop.service.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;

/**
 * Where the {@code vault-events} channel goes when no broker is configured: nowhere beyond the outbox. Every event is
 * in the outbox table already (the SSE streams read it there), so the relay's messages are acknowledged and dropped.
 * SmallRye's in-memory connector, the default before, keeps every message it is sent for a test to look at: a
 * service under load grew by about a gigabyte an hour holding them (issue #23).
 */
@ApplicationScoped
@Connector(OutboxOnlyConnector.NAME)
public class OutboxOnlyConnector implements OutboundConnector {

    /** The connector's name in {@code mp.messaging.outgoing.<channel>.connector}. */
    public static final String NAME = "backstop-outbox-only";

    private final Counter acknowledged;

    public OutboxOnlyConnector(MeterRegistry registry) {
        this.acknowledged = Counter.builder("backstop.events.outbox.only")
                .description("events the relay handed over with no broker configured: kept in the outbox alone")
                .register(registry);
    }

    @Override
    public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
        return new Flow.Subscriber<Message<?>>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Message<?> message) {
                acknowledged.increment();
                message.ack();
            }

            @Override
            public void onError(Throwable failure) {
                // The relay never fails its emitter, so this stream does not fail; there is nothing to release.
            }

            @Override
            public void onComplete() {
            }
        };
    }
}
