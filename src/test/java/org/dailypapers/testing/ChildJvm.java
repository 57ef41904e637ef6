package org.dailypapers.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the command line ({@code org.dailypapers.cli.Main}) in a separate JVM on the test class path, for what
 * cannot be tested inside the test JVM: a small heap ({@code -Xmx256m}) or a process killed with SIGKILL.
 * Output goes to files beside the data, so a killed child leaves what it wrote.
 */
public final class ChildJvm {
    private ChildJvm() {}

    /**
     * Starts {@code Main} with {@code jvmOptions} (added to the flags the build's tests run with) and {@code args};
     * stdout and stderr go to {@code logDir/out.txt} and {@code logDir/err.txt}. Demo loading and background
     * embedding are off, as an operator's import would have them on a data directory of its own.
     */
    public static Process start(Path logDir, List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("--enable-native-access=ALL-UNNAMED");
        command.add("-XX:+UseSerialGC");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("org.dailypapers.cli.Main");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(logDir.resolve("out.txt").toFile())
                .redirectError(logDir.resolve("err.txt").toFile());
        builder.environment().put("DAILYPAPERS_DEMO", "false");
        builder.environment().put("DAILYPAPERS_EMBED", "false");
        builder.environment().putAll(env);
        return builder.start();
    }
}
