#!/usr/bin/env bash
# Epoch time with and without checkpoint-every=1 (the same seeded training, alternated) and the size of one
# checkpoint on disk: docs/benchmarks.md "Checkpoints". Arguments: [rounds] [bars per symbol] [epochs].
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -o -B -q -pl workloads -am test-compile org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=test
java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads=1 \
    -cp "workloads/target/test-classes:workloads/target/classes:$(cat workloads/target/classpath.txt)" \
    io.opsbridge.workloads.training.CheckpointBench "$@"
