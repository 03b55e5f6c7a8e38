package id.pantau.platform;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import picocli.CommandLine.Command;

/**
 * What every command of the jar does alike, written once. A command declares its options as a nested class annotated
 * with picocli's {@link Command @Command} (the class {@link Commands} finds for {@code --help} before Spring starts);
 * its name and its line in the list of commands (the {@code header}) are the ones that annotation gives, and it reads
 * its arguments into fresh options with {@link CommandArguments} ({@code --help} and bad options end there, with the
 * usage and their exit code) before it runs with the options read.
 *
 * @param <O> the command's options: its nested {@link Command @Command} class
 */
public abstract class DeclaredCommand<O> {

	private final Class<?> options;

	protected DeclaredCommand() {
		this.options = optionsClass(getClass());
	}

	/** The name the options declare, as {@code java -jar pantau.jar NAME} and {@link Commands} know it. */
	public String name() {
		return options.getAnnotation(Command.class).name();
	}

	/**
	 * One line for the list of commands that {@code java -jar pantau.jar help} prints: the header its options declare
	 * (which {@code --help} leaves out, since it prints the whole description).
	 */
	public String description() {
		return String.join(" ", options.getAnnotation(Command.class).header());
	}

	/** Reads the arguments into fresh options and runs with them; returns the process exit code. */
	public int run(List<String> args, PrintStream out, PrintStream err) {
		CommandArguments.Parsed<O> parsed = CommandArguments.parse(newOptions(), args, out, err);
		return parsed.finished() ? parsed.exitCode() : run(parsed.options(), args, out, err);
	}

	/**
	 * Runs with the options read from {@code args} (which still hold the application properties, such as
	 * {@code --pantau.db.url=...}).
	 *
	 * @return the process exit code
	 */
	protected abstract int run(O options, List<String> args, PrintStream out, PrintStream err);

	/** Arguments the command cannot run with: says why, prints the usage, and gives the exit code to end with. */
	protected int badArguments(String message, PrintStream stream) {
		stream.println(message);
		CommandArguments.usage(newOptions(), stream);
		return CommandArguments.BAD_ARGUMENTS;
	}

	@SuppressWarnings("unchecked")
	private O newOptions() {
		return (O) CommandArguments.instantiate(options);
	}

	private static Class<?> optionsClass(Class<?> command) {
		for (Class<?> type = command; type != DeclaredCommand.class; type = type.getSuperclass()) {
			Class<?> declared = Arrays.stream(type.getDeclaredClasses())
					.filter(nested -> nested.isAnnotationPresent(Command.class)).findFirst().orElse(null);
			if (declared != null) {
				return declared;
			}
		}
		throw new IllegalStateException(command.getName() + " declares no options class with @Command");
	}
}
