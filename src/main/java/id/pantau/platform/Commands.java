package id.pantau.platform;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/**
 * Dispatches {@code java -jar pantau.jar [COMMAND] [ARGS]}: no command (or {@code serve}) runs the web application,
 * any other name runs the {@link PantauCommand} bean of that name in a context without a web server. A command's options
 * are read by {@link CommandArguments} first, so {@code help}, an unknown name, {@code --help} and bad options end
 * before Spring starts.
 */
public final class Commands {

	/** The property that tells beans which command this process runs ({@code serve} for the web application). */
	public static final String PROPERTY = "pantau.command";

	public static final String SERVE = "serve";

	private Commands() {
	}

	public static void main(Class<?> application, String[] args) {
		boolean named = args.length > 0 && !args[0].startsWith("-");
		String name = named ? args[0] : SERVE;
		String[] rest = named ? Arrays.copyOfRange(args, 1, args.length) : args;
		if (name.equals(SERVE)) {
			new SpringApplicationBuilder(application).main(application).properties(PROPERTY + "=" + SERVE).run(rest);
			return;
		}
		for (StandaloneCommand command : ServiceLoader.load(StandaloneCommand.class)) {
			if (command.name().equals(name)) {
				System.exit(command.run(List.of(rest), System.out, System.err));
			}
		}
		// help, an unknown name, --help and bad options are answered from the commands' declarations alone, before
		// Spring and the database start
		Optional<Class<?>> options = CommandArguments.optionsOf(application, name);
		if (options.isEmpty()) {
			System.exit(usage(application, name, System.err));
		}
		CommandArguments.Parsed<Object> parsed = CommandArguments.parse(CommandArguments.instantiate(options.get()),
				List.of(rest), System.out, System.err);
		if (parsed.finished()) {
			System.exit(parsed.exitCode());
		}
		System.exit(runCommand(application, name, rest));
	}

	static int runCommand(Class<?> application, String name, String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
				.main(application)
				.web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.properties(PROPERTY + "=" + name, "logging.level.root=WARN", "logging.level.id.pantau=INFO")
				.run(args)) {
			return context.getBeansOfType(PantauCommand.class).values().stream()
					.filter(command -> command.name().equals(name))
					.findFirst()
					.map(command -> command.run(Arrays.stream(args).filter(a -> !a.startsWith("--spring.")).toList(), System.out,
							System.err))
					.orElseGet(() -> usage(application, name, System.err));
		}
	}

	/** The list of commands, each with its line from its declaration; {@code help} asks for it (exit 0). */
	static int usage(Class<?> application, String asked, PrintStream err) {
		if (!asked.equals("help")) {
			err.println("Perintah tidak dikenal: " + asked);
		}
		err.println("Pemakaian: java -jar pantau.jar [PERINTAH] [ARGUMEN]");
		err.printf("  %-16s %s%n", SERVE, "menjalankan aplikasi web (bawaan)");
		for (Class<?> options : CommandArguments.declared(application)) {
			Command command = options.getAnnotation(Command.class);
			err.printf("  %-16s %s%n", command.name(), String.join(" ", command.header()));
		}
		err.println("Setiap perintah menerima --help: java -jar pantau.jar PERINTAH --help");
		return asked.equals("help") ? 0 : 2;
	}
}
