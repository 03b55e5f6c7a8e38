package id.pantau.platform;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Dispatches {@code java -jar pantau.jar [COMMAND] [ARGS]}: no command (or {@code serve}) runs the web application,
 * any other name runs the {@link PantauCommand} bean of that name in a context without a web server. A command's options
 * are read by {@link CommandArguments} first, so {@code --help} and bad options end before Spring starts.
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
		// --help and bad options are answered from the command's options alone, before Spring and the database start
		Optional<Class<?>> options = CommandArguments.optionsOf(application, name);
		if (options.isPresent()) {
			CommandArguments.Parsed<Object> parsed = CommandArguments.parse(
					CommandArguments.instantiate(options.get()), List.of(rest), System.out, System.err);
			if (parsed.finished()) {
				System.exit(parsed.exitCode());
			}
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
			List<PantauCommand> commands = context.getBeansOfType(PantauCommand.class).values().stream()
					.sorted(Comparator.comparing(PantauCommand::name))
					.toList();
			return commands.stream()
					.filter(command -> command.name().equals(name))
					.findFirst()
					.map(command -> command.run(Arrays.stream(args).filter(a -> !a.startsWith("--spring.")).toList(), System.out,
							System.err))
					.orElseGet(() -> usage(name, commands));
		}
	}

	private static int usage(String unknown, List<PantauCommand> commands) {
		if (!unknown.equals("help")) {
			System.err.println("Perintah tidak dikenal: " + unknown);
		}
		System.err.println("Pemakaian: java -jar pantau.jar [PERINTAH] [ARGUMEN]");
		System.err.printf("  %-16s %s%n", SERVE, "menjalankan aplikasi web (bawaan)");
		commands.forEach(c -> System.err.printf("  %-16s %s%n", c.name(), c.description()));
		ServiceLoader.load(StandaloneCommand.class)
				.forEach(c -> System.err.printf("  %-16s %s%n", c.name(), c.description()));
		System.err.println("Setiap perintah menerima --help: java -jar pantau.jar PERINTAH --help");
		return unknown.equals("help") ? 0 : 2;
	}
}
