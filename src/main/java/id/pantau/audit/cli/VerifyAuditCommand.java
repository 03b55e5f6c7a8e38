package id.pantau.audit.cli;

import java.io.PrintStream;
import java.util.List;

import id.pantau.audit.AuditEntry;
import id.pantau.audit.AuditTrail;
import id.pantau.audit.AuditVerification;
import id.pantau.audit.domain.AuditAnchor;
import id.pantau.audit.domain.AuditSequencer;
import id.pantau.audit.domain.JdbcAuditTrail;
import id.pantau.platform.DeclaredCommand;
import id.pantau.platform.DisplayTime;
import id.pantau.platform.PantauCommand;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar pantau.jar verify-audit}: exit 0 when the chain holds in itself and against the signed checkpoints
 * kept outside the database (and a new checkpoint is then signed), 1 naming the first row affected.
 * {@code --terima-pemulihan} (after restoring a backup) accepts a trail that ends before the newest checkpoints.
 */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class VerifyAuditCommand extends DeclaredCommand<VerifyAuditCommand.Options> implements PantauCommand {

	public static final String ACCEPT_RESTORE = "--terima-pemulihan";

	@Command(name = "verify-audit",
			header = "memeriksa rantai hash jejak audit dan titik jangkar bertanda tangan, menyebut baris pertama yang "
					+ "rusak (" + ACCEPT_RESTORE + ": setelah memulihkan cadangan)",
			description = { "Memeriksa rantai hash jejak audit dan titik jangkar bertanda "
			+ "tangan di luar basis data. Keluar 0 bila utuh (lalu menandatangani titik jangkar baru), 1 dengan "
			+ "baris pertama yang rusak." })
	static class Options {

		@Option(names = ACCEPT_RESTORE, description = "setelah memulihkan cadangan: terima jejak yang berakhir "
				+ "sebelum titik jangkar terbaru")
		boolean acceptRestore;
	}

	private final JdbcAuditTrail audit;
	private final AuditAnchor anchor;
	private final AuditSequencer sequencer;

	@Override
	protected int run(Options options, List<String> args, PrintStream out, PrintStream err) {
		boolean acceptRestore = options.acceptRestore;
		// entries committed but not chained yet (an instance stopped, a command killed) are chained first; not when a
		// restore is accepted, where they belong after the restored end, once the operator has accepted it
		int chained = acceptRestore ? 0 : sequencer.catchUp();
		if (chained > 0) {
			out.printf("%d entri yang menunggu dirantai lebih dulu.%n", chained);
		}
		AuditVerification result = acceptRestore ? audit.acceptRestore() : audit.verify();
		out.printf("Kunci tanda tangan %s (%s); titik jangkar di %s%n", anchor.keyId(), anchor.keyFile(),
				anchor.checkpointFile());
		if (acceptRestore && "TRUNCATED".equals(result.problem())) {
			out.printf("Pemulihan diterima: jejak audit kini berakhir di baris id %d; baris %d sampai %d hilang bersama "
					+ "pemulihan. Titik jangkar RESTORED ditandatangani.%n", result.lastId(), result.firstBrokenId(),
					result.expectedId());
			audit.recordAs("system", AuditEntry.of("AUDIT_RESTORE_ACCEPTED").detail("lastId", result.lastId())
					.detail("missingFrom", result.firstBrokenId()).detail("missingTo", result.expectedId()));
			return 0;
		}
		if (result.pending() > 0) {
			out.printf("%d entri tercatat tetapi belum dirantai (tertua %s): menunggu pengurut, bukan kerusakan.%n",
					result.pending(), DisplayTime.ZONE.getId() + " " + result.oldestPending().atZone(DisplayTime.ZONE)
							.toLocalDateTime().withNano(0));
		}
		if (result.intact()) {
			out.printf("Jejak audit utuh: %d baris diperiksa, %d titik jangkar bertanda tangan cocok; titik jangkar baru "
					+ "untuk baris id %s ditulis.%n", result.rowsChecked(), result.checkpointsChecked(),
					result.lastId() == null ? "-" : result.lastId().toString());
			return 0;
		}
		out.println(describe(result));
		return 1;
	}

	static String describe(AuditVerification result) {
		String anchored = result.anchoredAt() == null ? ""
				: " (titik jangkar " + DisplayTime.ZONE.getId() + " " + result.anchoredAt().atZone(DisplayTime.ZONE)
						.toLocalDateTime().withNano(0) + ")";
		return switch (result.problem()) {
			case "HASH_MISMATCH" -> "Jejak audit RUSAK pada baris id %d (isi tidak cocok dengan hash): baris itu diubah."
					.formatted(result.firstBrokenId());
			case "LINK_MISMATCH" -> ("Jejak audit RUSAK pada baris id %d (tidak menyambung ke baris sebelumnya): baris "
					+ "sebelumnya dihapus atau disisipkan.").formatted(result.firstBrokenId());
			case "ID_GAP" -> "Jejak audit RUSAK pada baris id %d: baris itu hilang (nomor urut berlubang)."
					.formatted(result.firstBrokenId());
			case "CHECKPOINT_MISMATCH" -> ("Jejak audit RUSAK mulai baris id %d: rantai dihitung ulang setelah diubah, atau ujungnya "
					+ "dipotong lalu ditulis lagi; baris id %d tidak lagi sama dengan titik jangkar bertanda tangan "
					+ "(baris yang disebut adalah yang pertama setelah titik jangkar terakhir yang masih cocok).")
					.formatted(result.firstBrokenId(), result.expectedId());
			case "TRUNCATED" -> ("Jejak audit TERPOTONG mulai baris id %d: titik jangkar bertanda tangan mencatat "
					+ "sampai baris id %d%s. Setelah memulihkan cadangan, jalankan verify-audit " + ACCEPT_RESTORE + ".")
					.formatted(result.firstBrokenId(), result.expectedId(), anchored);
			case "CHECKPOINT_FORGED" -> "Berkas titik jangkar memuat baris yang tanda tangannya tidak sah: berkas itu diubah.";
			default -> "Jejak audit RUSAK: " + result.problem();
		};
	}
}
