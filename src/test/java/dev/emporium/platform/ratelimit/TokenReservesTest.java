package dev.emporium.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The reserve's rules on a clock the test turns; that Redis is never overdrawn is in {@link RateLimitRedisTest}. */
class TokenReservesTest {

    private static final RateLimitPlan LARGE = new RateLimitPlan("partner", 100_000, Duration.ofMinutes(1), "test:");
    private static final String KEY = "test:partner:k";

    private long now = 1_000_000_000L;
    private final TokenReserves reserves = new TokenReserves(() -> now);

    /** The key's first call to the store, which left {@code surplus} tokens held. */
    private void firstCall(long surplus, long storeLeft, long microsToFull) {
        reserves.beforeCall(KEY, LARGE, 1);
        reserves.keep(KEY, surplus, storeLeft, microsToFull);
    }

    private void advanceMillis(long millis) {
        now += TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void plansUnderAThousandKeepNoReserve() {
        RateLimitPlan customer = new RateLimitPlan("customer", 999, Duration.ofMinutes(1), "test:");
        assertThat(TokenReserves.maxReserve(customer)).isZero();
        assertThat(TokenReserves.maxReserve(LARGE)).isEqualTo(1_000);

        reserves.beforeCall(KEY, customer, 1);
        advanceMillis(1);
        assertThat(reserves.beforeCall(KEY, customer, 50)).isEqualTo(TokenReserves.Ahead.NONE);
        assertThat(reserves.takeOne(KEY, customer)).isNull();
    }

    @Test
    void aKeysFirstCallTakesNothingAhead() {
        assertThat(reserves.beforeCall(KEY, LARGE, 8).extra()).isZero();
        assertThat(reserves.takeOne(KEY, LARGE)).isNull();
    }

    @Test
    void aBusyKeyTakesAheadAboutFiftyMillisecondsOfItsDemandAndServesThemInTurn() {
        firstCall(0, 90_000, 6_000_000);
        advanceMillis(10);

        // 5 requests in 10 ms: 500 a second, so 25 tokens ahead.
        TokenReserves.Ahead ahead = reserves.beforeCall(KEY, LARGE, 5);
        assertThat(ahead.taken()).isZero();
        assertThat(ahead.extra()).isEqualTo(25);
        reserves.keep(KEY, 25, 89_970, 6_018_000);

        for (long left = 89_970 + 24; left >= 89_970; left--) {
            CoalescingTaker.Share share = reserves.takeOne(KEY, LARGE);
            assertThat(share.granted()).isTrue();
            assertThat(share.left()).isEqualTo(left);
        }
        assertThat(reserves.takeOne(KEY, LARGE)).isNull();
    }

    @Test
    void whatIsTakenAheadIsCappedAtOnePercentOfTheCapacity() {
        firstCall(0, 90_000, 0);
        advanceMillis(2);

        assertThat(reserves.beforeCall(KEY, LARGE, 5_000).extra()).isEqualTo(1_000);
    }

    @Test
    void aBatchIsServedFromTheReserveBeforeTheStoreIsAsked() {
        firstCall(3, 50_000, 0);

        TokenReserves.Ahead ahead = reserves.beforeCall(KEY, LARGE, 5);
        assertThat(ahead.taken()).isEqualTo(3);
        assertThat(ahead.extra()).isPositive();

        reserves.keep(KEY, 2, 49_990, 0);
        assertThat(reserves.beforeCall(KEY, LARGE, 2)).isEqualTo(new TokenReserves.Ahead(2, 0, 49_990, 0));
    }

    @Test
    void heldTokensAreForfeitedWhenTheirHoldEnds() {
        firstCall(10, 50_000, 0);
        advanceMillis(999);
        assertThat(reserves.takeOne(KEY, LARGE)).isNotNull();

        advanceMillis(1);
        assertThat(reserves.takeOne(KEY, LARGE)).isNull();
        assertThat(reserves.beforeCall(KEY, LARGE, 1).taken()).isZero();
    }

    @Test
    void aSlowKeyTakesNothingAhead() {
        firstCall(0, 99_999, 0);
        advanceMillis(100);

        // One request in 100 ms: half a token's worth of demand in the next 50 ms.
        assertThat(reserves.beforeCall(KEY, LARGE, 1).extra()).isZero();
    }
}
