package io.opsbridge.core.follow;

import io.opsbridge.api.OperationInfo;
import java.util.List;
import java.util.Map;

/**
 * One answer of a host with what it asked for besides: the metrics page fetched from
 * {@code metricsFrom} when the host's record counted metrics not copied yet, and the result of an
 * operation that completed there. Fetched without a thread waiting ({@link HostProgressSource}),
 * applied under its lock ({@link HostAnswers#answered}).
 *
 * @param metrics null when no page was fetched
 * @param result null unless the host's operation completed and its result was fetched
 */
record HostAnswer(OperationInfo host, int metricsFrom, List<Map<String, Object>> metrics, Map<String, Object> result) {
}
