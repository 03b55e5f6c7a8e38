package id.pantau.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A command-line face of the jar ({@code java -jar pantau.jar NAME ARGS}). Implementations are Spring beans; the
 * context they run in has no web server.
 */
public interface PantauCommand {

	String name();

	/** One line for the usage text. */
	String description();

	/** @return the process exit code */
	int run(List<String> args, PrintStream out);

	/** The value of {@code --name VALUE} or {@code --name=VALUE} among the arguments, or {@code fallback}. */
	static String option(List<String> args, String name, String fallback) {
		for (int i = 0; i < args.size(); i++) {
			if (args.get(i).equals(name) && i + 1 < args.size()) {
				return args.get(i + 1);
			}
			if (args.get(i).startsWith(name + "=")) {
				return args.get(i).substring(name.length() + 1);
			}
		}
		return fallback;
	}
}
