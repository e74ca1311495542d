package io.opsbridge.backend.signals;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.Map;

/**
 * One symbol's signal.
 *
 * @param probabilities {@code down}, {@code flat}, {@code up} for the next bar
 * @param score         {@code p(up) - p(down)}, from -1 to 1
 * @param rank          1 for the highest score
 * @param targetWeight  {@code 1/top_n} for the top ranks, {@code -1/bottom_n} for the bottom ones, else 0
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Signal(String symbol, String predictedDirection, Map<String, Double> probabilities, double score,
        int rank, double targetWeight) {
}
