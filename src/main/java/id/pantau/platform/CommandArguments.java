package id.pantau.platform;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.BeanUtils;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads a command's arguments into its options, a class declared with picocli's {@link Command @Command},
 * {@link CommandLine.Option @Option} and {@link CommandLine.Parameters @Parameters}; every command gets the
 * {@link Help} mixin for {@code -h}/{@code --help} here. {@code --help} prints the usage and ends with 0; an option
 * that is unknown, lacks its value or has a value of the wrong type is named in Indonesian, with the usage, and ends
 * with 2.
 * <p>
 * Application properties ({@code --pantau.db.url=...}, any option whose name has a dot) are not the command's: they
 * are left to Spring and to {@link id.pantau.platform.database.DatabaseTarget}.
 */
public final class CommandArguments {

	/** The exit code of arguments the command cannot run with. */
	public static final int BAD_ARGUMENTS = 2;

	private CommandArguments() {
	}

	/** {@code -h} and {@code --help}, described in Indonesian; mixed into every command's options. */
	public static class Help {

		@CommandLine.Option(names = { "-h", "--help" }, usageHelp = true,
				description = "menampilkan bantuan ini lalu selesai")
		boolean requested;
	}

	/** The options read, or the exit code to end with when the arguments were help or could not be read. */
	public record Parsed<T>(T options, int exitCode) {

		public boolean finished() {
			return options == null;
		}
	}

	public static <T> Parsed<T> parse(T options, List<String> args, PrintStream out, PrintStream err) {
		CommandLine line = commandLine(options);
		try {
			line.parseArgs(withoutProperties(args).toArray(String[]::new));
		}
		catch (ParameterException bad) {
			err.println(message(bad));
			line.usage(err);
			return new Parsed<>(null, BAD_ARGUMENTS);
		}
		if (line.isUsageHelpRequested()) {
			line.usage(out);
			out.flush();
			return new Parsed<>(null, 0);
		}
		return new Parsed<>(options, 0);
	}

	/** Prints the usage of the command whose options these are (after a message about input it cannot run with). */
	public static void usage(Object options, PrintStream stream) {
		commandLine(options).usage(stream);
	}

	/**
	 * The options class of the named command among the application's classes, read without starting Spring, so that
	 * {@code --help} and bad options are answered before the database starts.
	 */
	static Optional<Class<?>> optionsOf(Class<?> application, String name) {
		return declared(application).stream().filter(type -> type.getAnnotation(Command.class).name().equals(name))
				.findFirst();
	}

	/** The options classes of every command of the application, by the command's name. */
	static List<Class<?>> declared(Class<?> application) {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Command.class));
		return scanner.findCandidateComponents(ClassUtils.getPackageName(application)).stream()
				.map(candidate -> ClassUtils.resolveClassName(candidate.getBeanClassName(), application.getClassLoader()))
				.<Class<?>>map(type -> type)
				.sorted(Comparator.comparing(type -> type.getAnnotation(Command.class).name()))
				.toList();
	}

	static Object instantiate(Class<?> options) {
		try {
			return BeanUtils.instantiateClass(options.getDeclaredConstructor());
		}
		catch (NoSuchMethodException e) {
			throw new IllegalStateException(options + " needs a constructor without arguments", e);
		}
	}

	private static CommandLine commandLine(Object options) {
		CommandLine line = new CommandLine(options);
		line.addMixin("help", new Help());
		line.setCommandName("java -jar pantau.jar " + line.getCommandName());
		line.getCommandSpec().usageMessage().synopsisHeading("Pemakaian: ").optionListHeading("%nOpsi:%n")
				.parameterListHeading("%nArgumen:%n").descriptionHeading("%n").footerHeading("%n")
				.width(100);
		line.setUsageHelpLongOptionsMaxWidth(26);
		line.setExpandAtFiles(false); // a file named @list is a file, not a list of arguments
		// the header is the command's line in the list of commands; its usage starts with the synopsis
		List<String> sections = new ArrayList<>(line.getHelpSectionKeys());
		sections.removeAll(List.of(UsageMessageSpec.SECTION_KEY_HEADER_HEADING, UsageMessageSpec.SECTION_KEY_HEADER));
		line.setHelpSectionKeys(sections);
		return line;
	}

	/** Leaves out application properties ({@code --a.b=value} or {@code --a.b value}): they are Spring's. */
	static List<String> withoutProperties(List<String> args) {
		List<String> own = new ArrayList<>();
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
			if (arg.startsWith("--") && name.contains(".")) {
				if (!arg.contains("=") && i + 1 < args.size()) {
					i++;
				}
				continue;
			}
			own.add(arg);
		}
		return own;
	}

	private static String message(ParameterException bad) {
		ArgSpec spec = bad.getArgSpec();
		if (spec == null && bad instanceof CommandLine.MissingParameterException missing
				&& !missing.getMissing().isEmpty()) {
			spec = missing.getMissing().get(0);
		}
		String option = spec instanceof OptionSpec named ? named.longestName() : null;
		if (bad instanceof CommandLine.UnmatchedArgumentException unmatched) {
			String first = unmatched.getUnmatched().isEmpty() ? "" : unmatched.getUnmatched().get(0);
			return first.startsWith("-") ? "Opsi tidak dikenal (unknown option): " + first
					: "Argumen berlebih (unexpected argument): " + first;
		}
		if (bad instanceof CommandLine.MissingParameterException && option != null) {
			return "Opsi " + option + " tanpa nilai (option without value).";
		}
		if (bad instanceof CommandLine.OverwrittenOptionException && option != null) {
			return "Opsi " + option + " disebut lebih dari sekali (option given twice).";
		}
		if (option != null && bad.getValue() != null && isNumber(spec.type())) {
			return "Opsi " + option + ": '" + bad.getValue() + "' bukan angka (not a number).";
		}
		if (option != null && bad.getValue() != null) {
			return "Opsi " + option + ": '" + bad.getValue() + "' bukan nilai yang sah (invalid value).";
		}
		return "Argumen tidak dapat dibaca (bad arguments): " + bad.getMessage();
	}

	private static boolean isNumber(Class<?> type) {
		return Number.class.isAssignableFrom(ClassUtils.resolvePrimitiveIfNecessary(type));
	}
}
