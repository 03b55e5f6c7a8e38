package id.pantau.demodata;

import id.pantau.platform.Commands;
import id.pantau.platform.DatabaseMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demonstration of Kota Tual, loaded on the first start of the embedded database ({@code pantau.demo=auto}), or
 * on any database when asked explicitly ({@code PANTAU_DEMO=true} or {@code --pantau.demo=true}); never silently in a
 * configured production database. Its accounts come first, then the registry, the village reports and the crossings,
 * each through its module's API and only into an empty module; it runs before identity's first administrator, who is
 * then not needed. With {@code pantau.demo.province=true} (the {@code province} profile) the province's officers and
 * foreigners in other regencies are added ({@link DemoProvince}).
 */
@Component
@Order(90)
class DemoInstallation implements ApplicationRunner {

	private final DemoAccounts accounts;
	private final DemoRegistry registry;
	private final DemoReports reports;
	private final DemoCrossings crossings;
	private final DemoProvince province;
	private final boolean withProvince;
	private final DatabaseMode database;
	private final String demo;
	private final String command;
	private boolean demoPresent;

	DemoInstallation(DemoAccounts accounts, DemoRegistry registry, DemoReports reports, DemoCrossings crossings,
			DemoProvince province, @Value("${pantau.demo.province:false}") boolean withProvince,
			DatabaseMode database, @Value("${pantau.demo:auto}") String demo,
			@Value("${" + Commands.PROPERTY + ":" + Commands.SERVE + "}") String command) {
		this.accounts = accounts;
		this.registry = registry;
		this.reports = reports;
		this.crossings = crossings;
		this.province = province;
		this.withProvince = withProvince;
		this.database = database;
		this.demo = demo;
		this.command = command;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!Commands.SERVE.equals(command)) {
			return;
		}
		if (wanted() && accounts.load() > 0) {
			DemoRegistry.Loaded loaded = registry.load();
			reports.load(loaded);
			crossings.load(loaded);
		}
		if (withProvince && accounts.present()) {
			province.load();
		}
		demoPresent = accounts.present();
	}

	private boolean wanted() {
		return "true".equalsIgnoreCase(demo)
				|| ("auto".equalsIgnoreCase(demo) && database.embedded() && accounts.noAccounts());
	}

	@EventListener(ApplicationReadyEvent.class)
	void printDemoAccounts() {
		if (demoPresent) {
			accounts.print(System.out);
			if (withProvince) {
				province.print(System.out);
			}
		}
	}
}
