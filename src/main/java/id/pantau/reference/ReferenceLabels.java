package id.pantau.reference;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words for the codes the reference tables hold, in the reader's language, for pages and exports:
 * {@code ${@labels.country('XXA')}} reads "Orang tanpa kewarganegaraan" or "Stateless person",
 * {@code ${@labels.permitType('BEBAS_VISA')}} "Bebas Visa Kunjungan" or "Visit visa exemption". A code the tables do
 * not know is shown as it is, so that nothing typed is hidden. The tables only change with a migration, so they are
 * read once.
 */
@Component("labels")
@RequiredArgsConstructor
public class ReferenceLabels {

	private final ReferenceData reference;

	private volatile Map<String, Country> countries;
	private volatile Map<String, PermitType> permitTypes;
	private volatile Map<String, PortOfEntry> ports;
	private volatile List<CountryOption> countryOptionsId;
	private volatile List<CountryOption> countryOptionsEn;

	/** A country's name in the current language, or the code when unknown; null for null. */
	public String country(String alpha3) {
		return country(alpha3, LocaleContextHolder.getLocale());
	}

	public String country(String alpha3, Locale locale) {
		if (alpha3 == null || alpha3.isBlank()) {
			return null;
		}
		Country country = countries().get(alpha3.toUpperCase(Locale.ROOT));
		return country == null ? alpha3 : english(locale) ? country.nameEn() : country.nameId();
	}

	/** One choice of a nationality filter: a country's code, its name in the reader's language, whether chosen. */
	public record CountryOption(String code, String name, boolean selected) {
	}

	/**
	 * The choices of a nationality filter, every country named in the current language, the one whose code is
	 * {@code selected} chosen: the template writes each with {@code th:value}, {@code th:text} and
	 * {@code th:selected} of plain fields instead of looking up each of 250 names and comparing each code itself.
	 */
	public List<CountryOption> countryOptions(String selected) {
		return countryOptions(selected, LocaleContextHolder.getLocale());
	}

	public List<CountryOption> countryOptions(String selected, Locale locale) {
		List<CountryOption> options = english(locale) ? countryOptionsEn() : countryOptionsId();
		if (selected == null || !countries().containsKey(selected)) {
			return options;
		}
		return options.stream().map(o -> o.code().equals(selected) ? new CountryOption(o.code(), o.name(), true) : o)
				.toList();
	}

	/** A permit type's name in the current language, or the code when unknown; null for null. */
	public String permitType(String code) {
		return permitType(code, LocaleContextHolder.getLocale());
	}

	public String permitType(String code, Locale locale) {
		if (code == null || code.isBlank()) {
			return null;
		}
		PermitType type = permitTypes().get(code);
		return type == null ? code : english(locale) ? type.nameEn() : type.nameId();
	}

	/** Whether {@code code} is a known permit type's code (a crossing keeps an unknown type as written). */
	public boolean knowsPermitType(String code) {
		return code != null && permitTypes().containsKey(code);
	}

	/** A port of entry's name, or the code when unknown; null for null. */
	public String port(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		PortOfEntry port = ports().get(code);
		return port == null ? code : port.name();
	}

	/** A region's name (village, district...), or the code when unknown; null for null. */
	public String region(String code) {
		return code == null || code.isBlank() ? null : reference.region(code).map(Region::name).orElse(code);
	}

	private static boolean english(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}

	private Map<String, Country> countries() {
		if (countries == null) {
			countries = reference.countries().stream().collect(Collectors.toMap(Country::alpha3, Function.identity()));
		}
		return countries;
	}

	private List<CountryOption> countryOptionsId() {
		if (countryOptionsId == null) {
			countryOptionsId = countryOptions(Country::nameId);
		}
		return countryOptionsId;
	}

	private List<CountryOption> countryOptionsEn() {
		if (countryOptionsEn == null) {
			countryOptionsEn = countryOptions(Country::nameEn);
		}
		return countryOptionsEn;
	}

	private List<CountryOption> countryOptions(Function<Country, String> name) {
		return reference.countries().stream().map(c -> new CountryOption(c.alpha3(), name.apply(c), false)).toList();
	}

	private Map<String, PermitType> permitTypes() {
		if (permitTypes == null) {
			permitTypes = reference.permitTypes().stream()
				.collect(Collectors.toMap(PermitType::code, Function.identity()));
		}
		return permitTypes;
	}

	private Map<String, PortOfEntry> ports() {
		if (ports == null) {
			ports = reference.portsOfEntry().stream().collect(Collectors.toMap(PortOfEntry::code, Function.identity()));
		}
		return ports;
	}
}
