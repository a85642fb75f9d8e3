/**
 * The HTTP API: resources parse requests and map results and refusals to responses.
 *
 * <p>Every resource that reaches the database is {@code @Cancellable(false)}: a request, once started, runs to its
 * end even when its client hangs up. Quarkus REST would otherwise cancel the request's {@code Uni} when the connection
 * closes, and a Hibernate Reactive session cancelled mid-transaction is closed with the transaction still open, its
 * pooled connection never returned (quarkusio/quarkus#51576); twenty such hang-ups emptied the pool for good. Running
 * to the end costs a few milliseconds of work nobody reads, and a money-moving request's outcome is then stored under
 * its idempotency key, so the client that hung up can ask again and learn what happened.
 */
package io.backstop.service.api;
