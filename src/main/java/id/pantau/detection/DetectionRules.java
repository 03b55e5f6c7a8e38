package id.pantau.detection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.detection.domain.RuleRunner;
import id.pantau.detection.domain.RuleSettings;
import id.pantau.detection.rules.DetectionRule;
import id.pantau.detection.rules.ParameterSpec;
import id.pantau.detection.rules.Parameters;
import id.pantau.platform.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The detection rules: what they are, their switches and thresholds (defaults in code, changes by an administrator
 * stored and audited), and running them. Runs are in the background normally (after imports, links and reports, and
 * nightly); {@link #runAll} runs them now.
 */
@Service
public class DetectionRules {

	/** The catalogue's order, as the design lists it. */
	public static final List<String> CATALOGUE = RuleCatalogue.codes();

	private final Map<String, DetectionRule> rules = new LinkedHashMap<>();
	private final RuleSettings settings;
	private final RuleRunner runner;
	private final AuditTrail audit;
	private final Clock clock;

	DetectionRules(List<DetectionRule> rules, RuleSettings settings, RuleRunner runner, AuditTrail audit,
			Clock clock) {
		rules.stream().sorted(Comparator.comparingInt(r -> order(r.code())))
				.forEach(rule -> this.rules.put(rule.code(), rule));
		this.settings = settings;
		this.runner = runner;
		this.audit = audit;
		this.clock = clock;
	}

	private static int order(String code) {
		int index = CATALOGUE.indexOf(code);
		return index < 0 ? CATALOGUE.size() : index;
	}

	/** Every rule with its switch, thresholds and last run. */
	public List<RuleInfo> rules() {
		Map<String, RuleRun> runs = runner.lastRuns();
		return rules.values().stream().map(rule -> info(rule, runs.get(rule.code()))).toList();
	}

	public RuleInfo rule(String code) {
		return info(find(code), runner.lastRuns().get(code));
	}

	/**
	 * Switches a rule on or off and sets its thresholds. Each value must be a whole number in the threshold's range
	 * (dots and spaces as thousands separators are allowed); a threshold left out keeps its current value.
	 *
	 * @throws InvalidRuleSetting with an Indonesian message key when a value is refused
	 */
	public RuleInfo update(String code, boolean enabled, Map<String, String> parameters, String actor) {
		DetectionRule rule = find(code);
		Parameters current = parameters(rule);
		Map<String, Long> values = new TreeMap<>(current.values());
		for (ParameterSpec spec : rule.parameters()) {
			String text = parameters.get(spec.name());
			if (text == null) {
				continue;
			}
			String digits = text.strip().replace(".", "").replace(" ", "").replace("_", "");
			long value;
			try {
				value = Long.parseLong(digits);
			}
			catch (NumberFormatException e) {
				throw new InvalidRuleSetting("detection.setting.notNumber", spec.name(), text);
			}
			if (!spec.accepts(value)) {
				throw new InvalidRuleSetting("detection.setting.outOfRange", spec.name(), Long.toString(spec.min()),
						Long.toString(spec.max()));
			}
			values.put(spec.name(), value);
		}
		settings.save(code, enabled, values, actor, clock.instant());
		AuditEntry entry = AuditEntry.of("RULE_SETTING_CHANGED").subject("RULE", code).detail("enabled", enabled);
		for (Map.Entry<String, Long> value : values.entrySet()) {
			entry = entry.detail(value.getKey(), value.getValue());
		}
		audit.recordAs(actor, entry);
		return rule(code);
	}

	/** Runs every enabled rule over everyone now; returns each rule's run. */
	public List<RuleRun> runAll(String trigger) {
		return runFor(null, trigger);
	}

	/**
	 * Runs every enabled rule for the persons touched only (rules about villages or documents in general run in
	 * full); {@code persons} null means everyone.
	 */
	public List<RuleRun> runFor(Set<Long> persons, String trigger) {
		List<RuleRun> runs = new ArrayList<>();
		for (DetectionRule rule : rules.values()) {
			var stored = settings.find(rule.code());
			if (stored.isPresent() && !stored.get().enabled()) {
				continue;
			}
			runs.add(runner.run(rule, parameters(rule), trigger, persons == null ? null : Set.copyOf(persons)));
		}
		return runs;
	}

	/** Runs one rule now, switched on or not. */
	public RuleRun run(String code, String trigger) {
		DetectionRule rule = find(code);
		return runner.run(rule, parameters(rule), trigger, null);
	}

	private DetectionRule find(String code) {
		DetectionRule rule = rules.get(code);
		if (rule == null) {
			throw new NotFoundException("rule " + code);
		}
		return rule;
	}

	private Parameters parameters(DetectionRule rule) {
		return Parameters.with(rule.parameters(),
				settings.find(rule.code()).map(RuleSettings.Stored::parameters).orElse(Map.of()));
	}

	private RuleInfo info(DetectionRule rule, RuleRun lastRun) {
		var stored = settings.find(rule.code());
		Parameters values = parameters(rule);
		List<RuleInfo.Parameter> parameters = rule.parameters().stream()
				.map(spec -> new RuleInfo.Parameter(spec.name(), values.get(spec.name()), spec.defaultValue(),
						spec.min(), spec.max()))
				.toList();
		return new RuleInfo(rule.code(), stored.map(RuleSettings.Stored::enabled).orElse(true), parameters, lastRun);
	}
}
