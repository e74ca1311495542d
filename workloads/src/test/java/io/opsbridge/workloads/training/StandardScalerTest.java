package io.opsbridge.workloads.training;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StandardScalerTest {

    @Test
    void fittedColumnsHaveMeanZeroAndUnitDeviation() {
        float[][] rows = {{1, 5}, {3, 5}, {5, 5}};

        StandardScaler scaler = StandardScaler.fit(rows);

        assertThat(scaler.means()).containsExactly(3.0, 5.0);
        assertThat(scaler.stds()[0]).isCloseTo(Math.sqrt(8.0 / 3), within(1e-9));
        assertThat(scaler.stds()[1]).isEqualTo(1.0); // constant column: left unscaled
        assertThat(scaler.transform(new float[] {3, 7})).containsExactly(0f, 2f);
    }

    @Test
    void appliesTheTrainingNumbersToOtherRows() {
        StandardScaler scaler = new StandardScaler(new double[] {10}, new double[] {2});

        assertThat(scaler.transform(new float[] {14})).containsExactly(2f);
    }
}
