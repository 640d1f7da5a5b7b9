package dev.accounts.bench.jmh;

import org.openjdk.jmh.annotations.Fork;

/** The JVM's default: C1 then C2 (what java25 keeps for SnapStart functions, and JAVA_TOOL_OPTIONS can ask for). */
@Fork(value = 1, jvmArgsAppend = {"-XX:+TieredCompilation", "-XX:+UseSerialGC", "-XX:MaxHeapSize=891290k",
        "-Xshare:auto"})
public class FullTiered extends HotPaths {
}
