package io.backstop.service;

import static io.backstop.service.Api.post;
import static io.backstop.service.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay against a real Kafka broker (KRaft, child JVM), under the {@code kafka} profile: real commands
 * on two vaults, 50,000 more events written straight into the outbox for four vaults, and one event whose
 * transaction took its id early and committed after everything else had been relayed. A plain
 * {@link KafkaConsumer} then reads {@code backstop.vault-events}: it sees every outbox event once, no other, each
 * keyed by its vault, and each vault's events in outbox order.
 */
@QuarkusTest
@TestProfile(KafkaRelayTest.KafkaProfile.class)
class KafkaRelayTest {

    private static final String TOPIC = "backstop.vault-events";
    private static final int SYNTHETIC = 50_000;

    /** The service's kafka profile, pointed at the test broker. */
    public static class KafkaProfile implements QuarkusTestProfile {
        @Override
        public String getConfigProfile() {
            return "kafka";
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalDatabase.class), new TestResourceEntry(KafkaBroker.class));
        }
    }

    @Test
    void everyCommittedEventReachesKafkaOnceInEachVaultsOrder() throws Exception {
        long baseline;
        try (Connection db = LocalDatabase.connect(); Statement s = db.createStatement();
                ResultSet row = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM vault_event")) {
            row.next();
            baseline = row.getLong(1);
        }
        for (String vault : List.of("kafka-a", "kafka-b")) {
            Api.openVault(vault, vault.toUpperCase().replace("-", ""), Map.of());
            String lp = token("kim-" + vault, "lp");
            for (int i = 0; i < 10; i++) {
                post(lp, "/api/v1/vaults/" + vault + "/deposits", Map.of("amount", "1000")).statusCode(201);
            }
        }

        try (Connection late = LocalDatabase.connect(); Connection bulk = LocalDatabase.connect();
                Statement lateInsert = late.createStatement(); Statement bulkInsert = bulk.createStatement()) {
            // A transaction takes an outbox id and holds it open while 50,000 later ids commit and are relayed.
            late.setAutoCommit(false);
            ResultSet early = lateInsert.executeQuery("INSERT INTO vault_event (vault, at, type, payload, "
                    + "public_payload) VALUES ('kafka-late', now(), 'Synthetic', '{\"late\":true}', '{}') "
                    + "RETURNING id");
            early.next();
            long lateId = early.getLong(1);
            bulkInsert.executeUpdate("INSERT INTO vault_event (vault, at, type, payload, public_payload) "
                    + "SELECT 'kafka-' || (g % 4), now(), 'Synthetic', '{\"n\":' || g || '}', '{}' "
                    + "FROM generate_series(1, " + SYNTHETIC + ") g");
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (unrelayedAfter(lateId) > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(unrelayedAfter(lateId)).as("events after the open transaction's, not yet relayed").isZero();
            late.commit();
        }

        Map<Long, String> outbox = new HashMap<>();
        try (Connection db = LocalDatabase.connect(); Statement s = db.createStatement();
                ResultSet rows = s.executeQuery("SELECT id, vault FROM vault_event WHERE id > " + baseline)) {
            while (rows.next()) {
                outbox.put(rows.getLong(1), rows.getString(2));
            }
        }
        assertThat(outbox.size()).isGreaterThan(SYNTHETIC);

        Properties config = new Properties();
        config.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrap());
        config.setProperty(ConsumerConfig.GROUP_ID_CONFIG, "relay-test");
        config.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<Long> seen = new ArrayList<>();
        Map<String, Long> lastPerVault = new HashMap<>();
        List<String> disorder = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            Set<Long> missing = new TreeSet<>(outbox.keySet());
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonObject event = new JsonObject(record.value());
                    long id = event.getLong("id");
                    assertThat(record.key()).isEqualTo(event.getString("vault"));
                    seen.add(id);
                    missing.remove(id);
                    Long previous = lastPerVault.put(record.key(), id);
                    if (previous != null && previous >= id) {
                        disorder.add(record.key() + ": " + id + " after " + previous);
                    }
                }
            }
            // Anything still on its way would be a duplicate: read a little longer.
            for (int i = 0; i < 4; i++) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> seen.add(new JsonObject(r.value()).getLong("id")));
            }
            assertThat(missing).as("outbox events never read from Kafka").isEmpty();
        }
        List<Long> ours = seen.stream().filter(id -> id > baseline).toList();
        assertThat(new HashSet<>(ours)).isEqualTo(outbox.keySet());
        assertThat(ours).as("each event once").hasSize(outbox.size());
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(disorder).as("events out of their vault's order").isEmpty();
    }

    private static long unrelayedAfter(long id) throws Exception {
        try (Connection db = LocalDatabase.connect(); Statement s = db.createStatement();
                ResultSet row = s.executeQuery("SELECT count(*) FROM vault_event WHERE NOT relayed AND id > " + id)) {
            row.next();
            return row.getLong(1);
        }
    }
}
