package id.pantau.audit.domain;

import java.io.PrintStream;
import java.util.List;

import id.pantau.audit.AuditTrail;
import id.pantau.audit.AuditVerification;
import id.pantau.platform.PantauCommand;
import org.springframework.stereotype.Component;

/** {@code java -jar pantau.jar verify-audit}: exit 0 when the chain holds, 1 naming the first broken row. */
@Component
class VerifyAuditCommand implements PantauCommand {

	private final AuditTrail audit;

	VerifyAuditCommand(AuditTrail audit) {
		this.audit = audit;
	}

	@Override
	public String name() {
		return "verify-audit";
	}

	@Override
	public String description() {
		return "memeriksa rantai hash jejak audit dan menyebut baris pertama yang rusak";
	}

	@Override
	public int run(List<String> args, PrintStream out) {
		AuditVerification result = audit.verify();
		if (result.intact()) {
			out.printf("Jejak audit utuh: %d baris diperiksa.%n", result.rowsChecked());
			return 0;
		}
		out.printf("Jejak audit RUSAK pada baris id %d (%s): baris itu diubah, atau baris sebelumnya dihapus.%n",
				result.firstBrokenId(), result.problem().equals("HASH_MISMATCH") ? "isi tidak cocok dengan hash"
						: "tidak menyambung ke baris sebelumnya");
		return 1;
	}
}
