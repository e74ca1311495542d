package io.opsbridge.workloads.training;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FeatureExtractorTest {

    private final FeatureExtractor extractor = new FeatureExtractor(0.01);

    @Test
    void oneSamplePerBarAfterWarmupExceptTheLast() {
        List<OhlcvBar> bars = series(rising(25));

        FeatureSet set = extractor.extract(bars);

        assertThat(set.size()).isEqualTo(25 - FeatureExtractor.WARMUP - 1);
        assertThat(set.featureNames()).isEqualTo(FeatureExtractor.FEATURE_NAMES);
        assertThat(java.util.Arrays.asList(set.features())).allSatisfy(row -> assertThat(row).hasSize(8));
    }

    @Test
    void labelsSayWhetherTheNextBarClosesDownFlatOrUp() {
        double[] closes = rising(21);
        double[] all = new double[25];
        System.arraycopy(closes, 0, all, 0, 21);
        double last = closes[20];
        all[21] = last * 1.02;        // up from bar 20
        all[22] = all[21] * 1.005;    // flat (within 1%)
        all[23] = all[22] * 0.97;     // down
        all[24] = all[23];            // flat, exactly unchanged

        FeatureSet set = extractor.extract(series(all));

        assertThat(set.labels()).containsExactly(FeatureExtractor.UP, FeatureExtractor.FLAT,
                FeatureExtractor.DOWN, FeatureExtractor.FLAT);
    }

    @Test
    void featuresOfARisingSeriesAreWhatTheyShouldBe() {
        double[] closes = rising(23);

        float[] row = extractor.extract(series(closes)).features()[0]; // bar 20
        assertThat((double) row[0]).isCloseTo(closes[20] / closes[19] - 1, within(1e-6));
        assertThat((double) row[1]).isCloseTo(closes[20] / closes[15] - 1, within(1e-6));
        assertThat((double) row[2]).isCloseTo(closes[20] / closes[10] - 1, within(1e-6));
        assertThat(row[3]).isPositive();                    // above its moving average
        assertThat(row[4]).isEqualTo(1.0f);                 // RSI 100: nothing fell
        assertThat(row[6]).isEqualTo(0.0f);                 // constant volume
        assertThat((double) row[7]).isCloseTo(2.0 / closes[20], within(1e-6));
    }

    @Test
    void rsiIsFiftyForAFlatSeriesAndBalancedForAlternatingMoves() {
        double[] flat = new double[30];
        java.util.Arrays.fill(flat, 10);
        double[] zigzag = new double[30];
        for (int i = 0; i < zigzag.length; i++) {
            zigzag[i] = i % 2 == 0 ? 10 : 11;
        }

        assertThat(FeatureExtractor.rsi(flat, 20)).isEqualTo(50.0);
        assertThat(FeatureExtractor.rsi(zigzag, 20)).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void latestDescribesTheNewestBar() {
        List<OhlcvBar> bars = series(rising(30));

        float[] latest = extractor.latest(bars);

        assertThat((double) latest[0]).isCloseTo(bars.get(29).close() / bars.get(28).close() - 1, within(1e-6));
    }

    @Test
    void tooFewBarsAreRejected() {
        assertThatThrownBy(() -> extractor.extract(series(rising(21)))).isInstanceOf(MarketDataException.class);
    }

    private static double[] rising(int n) {
        double[] closes = new double[n];
        for (int i = 0; i < n; i++) {
            closes[i] = 100 + i;
        }
        return closes;
    }

    private static List<OhlcvBar> series(double[] closes) {
        List<OhlcvBar> bars = new ArrayList<>();
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 0; i < closes.length; i++) {
            bars.add(new OhlcvBar(t.plusSeconds(3600L * i), closes[i], closes[i] + 1, closes[i] - 1, closes[i], 1000));
        }
        return bars;
    }
}
