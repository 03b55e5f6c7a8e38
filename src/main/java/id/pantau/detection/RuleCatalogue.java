package id.pantau.detection;

import java.util.List;

/**
 * What each early-detection rule is, in the catalogue's order: its code, the law it rests on and the severities its
 * alerts take. The rules cite their legal reference from here, and a finding of a severity its rule does not list is
 * refused, so what is told here is what the rules do.
 */
public final class RuleCatalogue {

	/**
	 * One rule.
	 *
	 * @param severities the severities its alerts take, least urgent first ({@code LOW}, {@code MEDIUM}, {@code HIGH},
	 * {@code CRITICAL})
	 */
	public record Rule(String code, String legalReference, List<String> severities) {

		public boolean takes(String severity) {
			return severities.contains(severity);
		}
	}

	private static final String IMMIGRATION = "UU 6/2011 tentang Keimigrasian";
	private static final String MONITORING = "Permendagri 49/2010 tentang Pedoman Pemantauan Orang Asing dan"
			+ " Organisasi Masyarakat Asing di Daerah";

	public static final List<Rule> RULES = List.of(
			new Rule("OVERSTAY", IMMIGRATION + ", Pasal 78; PP 28/2019 (tarif biaya beban)",
					List.of("HIGH", "CRITICAL")),
			new Rule("PERMIT_EXPIRING", IMMIGRATION + " (izin tinggal dan perpanjangannya)", List.of("LOW", "MEDIUM")),
			new Rule("NO_ENTRY_RECORD", IMMIGRATION + ", Pasal 9 (pemeriksaan di Tempat Pemeriksaan Imigrasi) dan"
					+ " Pasal 48 (kewajiban izin tinggal)", List.of("MEDIUM")),
			new Rule("PRESENT_AFTER_DEPARTURE", IMMIGRATION + ", Pasal 8 dan 9 (masuk dan keluar wilayah melalui"
					+ " pemeriksaan imigrasi)", List.of("HIGH")),
			new Rule("EX_CREW_ASHORE", IMMIGRATION + ", Pasal 48 (kewajiban izin tinggal); izin awak alat angkut hanya"
					+ " berlaku selama bertugas di kapal", List.of("MEDIUM", "HIGH")),
			new Rule("DOCUMENT_CONFLICT", IMMIGRATION + ", Pasal 8 (dokumen perjalanan yang sah dan masih berlaku)",
					List.of("HIGH")),
			new Rule("NO_SKTT", "UU 23/2006 tentang Administrasi Kependudukan jo. UU 24/2013 (pendaftaran orang asing"
					+ " pemegang izin tinggal terbatas untuk Surat Keterangan Tempat Tinggal)", List.of("LOW", "MEDIUM")),
			new Rule("SILENT_VILLAGE", MONITORING + " (pelaporan berkala)", List.of("LOW", "MEDIUM")),
			new Rule("CONCENTRATION", MONITORING, List.of("LOW", "MEDIUM")),
			new Rule("REPORTED_VIOLATION", IMMIGRATION + " Pasal 66 dan 75 (pengawasan dan tindakan administratif"
					+ " keimigrasian); Permendagri 49/2010 (pelaporan hasil pemantauan)", List.of("HIGH")));

	private RuleCatalogue() {
	}

	/** The codes in the catalogue's order. */
	public static List<String> codes() {
		return RULES.stream().map(Rule::code).toList();
	}

	/** The rule of that code, if the catalogue has it. */
	public static java.util.Optional<Rule> find(String code) {
		return RULES.stream().filter(rule -> rule.code().equals(code)).findFirst();
	}

	/** @throws IllegalArgumentException for a code the catalogue does not have */
	public static Rule of(String code) {
		return find(code).orElseThrow(() -> new IllegalArgumentException("no detection rule " + code));
	}

	public static String legalReference(String code) {
		return of(code).legalReference();
	}
}
