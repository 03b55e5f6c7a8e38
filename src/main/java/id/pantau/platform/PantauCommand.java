package id.pantau.platform;

import java.io.PrintStream;
import java.util.List;

/**
 * A command-line face of the jar ({@code java -jar pantau.jar NAME ARGS}) that needs the application. Implementations
 * are Spring beans, most of them a {@link DeclaredCommand}; the context they run in has no web server.
 */
public interface PantauCommand {

	String name();

	/** One line for the usage text. */
	String description();

	/** @return the process exit code; the arguments are read with {@link CommandArguments} */
	int run(List<String> args, PrintStream out, PrintStream err);
}
