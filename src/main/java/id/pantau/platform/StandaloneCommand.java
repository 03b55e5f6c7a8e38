package id.pantau.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A command of the jar that needs neither the database nor Spring ({@code java -jar pantau.jar mrz ...}), so that it
 * answers at once. Implementations are listed in {@code META-INF/services/id.pantau.platform.StandaloneCommand}.
 */
public interface StandaloneCommand {

	String name();

	/** One line for the usage text. */
	String description();

	/** @return the process exit code */
	int run(List<String> args, PrintStream out, PrintStream err);
}
