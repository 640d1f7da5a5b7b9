package dev.accounts.bench.jmh;

import org.openjdk.jmh.annotations.Fork;

/** Lambda's default for on-demand starts: tiered compilation stopped at C1 (no C2, no SHA/AES intrinsics of C2). */
@Fork(value = 1, jvmArgsAppend = {"-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
        "-XX:MaxHeapSize=891290k", "-Xshare:auto"})
public class C1Only extends HotPaths {
}
