package io.backstop.service;

import static io.backstop.service.Api.as;
import static io.backstop.service.Api.post;
import static io.backstop.service.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The withdrawal queue over HTTP: a queued LP takes back what is still queued (and only once), and free liquidity
 * from another LP's deposit pays a queued withdrawal at once rather than at the next expiry (issue #24).
 */
@QuarkusTest
@QuarkusTestResource(LocalDatabase.class)
class WithdrawalQueueTest {

    private static final String VAULT = "/api/v1/vaults/queue-up";

    @Test
    void aQueuedLpCancelsWhatIsQueuedAndADepositPaysTheQueueAtOnce() throws Exception {
        Api.openVault("queue-up", "QUP", Map.of("maxUtilization", "0.95"));
        Api.price("QUP", "2000");
        String ada = token("ada", "lp");
        post(ada, VAULT + "/deposits", Map.of("amount", "10000")).statusCode(201);
        String trader = token("tom", "trader");
        String expiry = Api.now().plusSeconds(60 * 86_400).toString().substring(0, 10) + "T08:00:00Z";
        JsonPath quote = as(trader).body(Map.of("type", "call", "strike", "2100", "expiry", expiry, "quantity", "4"))
                .post(VAULT + "/quotes").then().statusCode(201).extract().jsonPath();
        post(trader, VAULT + "/trades", Map.of("quoteId", quote.getString("quoteId"), "maxPremium",
                quote.getString("premium"))).statusCode(201);

        // Everything ada holds: free liquidity pays part, the rest queues behind an expiry 60 days out.
        String held = shares(ada);
        JsonPath partial = post(ada, VAULT + "/withdrawals", Map.of("shares", held)).statusCode(201).extract()
                .jsonPath();
        assertThat(partial.getString("status")).isEqualTo("PARTIAL");
        String queued = partial.getString("queuedShares");

        // Her account says where her money is: nothing held, the rest queued first in line and worth something
        // now, her movements, and the statement (issue #25: it used to say shares 0, value 0 and nothing else).
        JsonPath account = as(ada).get(VAULT + "/accounts/me").then().statusCode(200).extract().jsonPath();
        assertThat(account.getString("shares")).isEqualTo("0");
        assertThat(account.getString("queuedShares")).isEqualTo(queued);
        assertThat(account.getInt("queue[0].place")).isEqualTo(1);
        BigDecimal queuedValue = new BigDecimal(account.getString("queuedValue"));
        assertThat(queuedValue).isPositive();
        assertThat(account.getList("history.type")).containsExactly("DEPOSIT", "WITHDRAWAL", "QUEUED");
        assertThat(account.getString("history[0].amount")).isEqualTo("10000");
        assertThat(account.getString("statement.deposited")).isEqualTo("10000");
        BigDecimal withdrawn = new BigDecimal(account.getString("statement.withdrawn"));
        assertThat(withdrawn).isEqualByComparingTo(partial.getString("amount"));
        assertThat(new BigDecimal(account.getString("statement.currentValue"))).isEqualByComparingTo(queuedValue);
        assertThat(new BigDecimal(account.getString("statement.pnl"))).isEqualByComparingTo(
                queuedValue.add(withdrawn).subtract(new BigDecimal("10000")));

        // She changes her mind: the queued shares are hers again, unredeemed; a second try has nothing to cancel.
        JsonPath cancelled = as(ada).delete(VAULT + "/withdrawals/queued").then().statusCode(200).extract()
                .jsonPath();
        assertThat(cancelled.getString("cancelledShares")).isEqualTo(queued);
        assertThat(cancelled.getString("shares")).isEqualTo(queued);
        assertThat(shares(ada)).isEqualTo(queued);
        as(ada).delete(VAULT + "/withdrawals/queued").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("/nothing-queued"));
        assertThat(lastEvent("WithdrawalCancelled")).contains("\"ada\"").contains("\"shares\":\"" + queued + "\"");

        // Queued again; then bo deposits 100,000 and ada's withdrawal is paid from it at once, in full.
        JsonPath again = post(ada, VAULT + "/withdrawals", Map.of("shares", queued)).statusCode(201).extract()
                .jsonPath();
        assertThat(again.getString("status")).isEqualTo("QUEUED");
        long paidBefore = events("WithdrawalPaid").size();
        post(token("bo", "lp"), VAULT + "/deposits", Map.of("amount", "100000")).statusCode(201);
        List<String> paid = events("WithdrawalPaid");
        assertThat(paid).hasSize((int) paidBefore + 1);
        assertThat(paid.get(paid.size() - 1)).contains("\"ada\"").contains("\"shares\":\"" + queued + "\"");
        as(ada).delete(VAULT + "/withdrawals/queued").then().statusCode(409);
        assertThat(new BigDecimal(shares(ada))).isZero();
        JsonPath out = as(ada).get(VAULT + "/accounts/me").then().statusCode(200).extract().jsonPath();
        assertThat(out.getList("history.type")).containsExactly("DEPOSIT", "WITHDRAWAL", "QUEUED", "CANCELLED",
                "QUEUED", "WITHDRAWAL");
        assertThat(out.getList("queue")).isEmpty();
        assertThat(new BigDecimal(out.getString("statement.currentValue"))).isZero();
        assertThat(new BigDecimal(out.getString("statement.netDeposits"))).isEqualByComparingTo(
                new BigDecimal(out.getString("statement.pnl")).negate());
    }

    private static String shares(String lp) {
        return as(lp).get(VAULT + "/accounts/me").then().statusCode(200).extract().path("shares");
    }

    private static String lastEvent(String type) throws Exception {
        List<String> all = events(type);
        assertThat(all).isNotEmpty();
        return all.get(all.size() - 1);
    }

    private static List<String> events(String type) throws Exception {
        List<String> payloads = new ArrayList<>();
        try (Connection db = LocalDatabase.connect(); Statement sql = db.createStatement();
                ResultSet rows = sql.executeQuery("SELECT payload FROM vault_event WHERE vault = 'queue-up' AND "
                        + "type = '" + type + "' ORDER BY id")) {
            while (rows.next()) {
                payloads.add(rows.getString(1));
            }
        }
        return payloads;
    }
}
