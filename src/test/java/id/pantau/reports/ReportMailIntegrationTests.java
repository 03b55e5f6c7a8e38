package id.pantau.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import id.pantau.identity.PantauUser;
import id.pantau.reports.domain.ReportForm;
import id.pantau.reports.domain.VillageReport;
import id.pantau.reports.domain.VillageReporting;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A submitted report reaches BPMPD by e-mail through a real SMTP server (GreenMail, in the test). The mail server makes
 * this a context of its own, with its own embedded database; it is closed after the class so that it does not stay
 * alive beside the shared one.
 */
@SpringBootTest
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReportMailIntegrationTests {

	private static final String BPMPD_ADDRESS = "bpmpd@tualkota.example";

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
			.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> greenMail.getSmtp().getPort());
	}

	@Autowired
	VillageReporting reporting;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void bpmpdIsMailedTheNumberOfAReportTheVillageSubmits() throws Exception {
		assertThat(greenMail.getSmtp().getPort()).isPositive();
		jdbc.sql("update user_account set email = :email where username = 'bpmpd'").param("email", BPMPD_ADDRESS)
				.update();
		PantauUser village = (PantauUser) users.loadUserByUsername("ohoi.fiditan");

		VillageReport draft = reporting.draft(village, null, new ReportForm("Kyaw Min", "Myanmar", "M", "45", "", "",
				"nelayan", "", "", ""), null);
		assertThat(greenMail.getReceivedMessages()).as("a draft tells nobody").isEmpty();
		VillageReport submitted = reporting.submit(village, draft.getId(), draft.getVersion());

		assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
		List<MimeMessage> toBpmpd = Arrays.stream(greenMail.getReceivedMessages())
				.filter(m -> addressedTo(m, BPMPD_ADDRESS)).toList();
		assertThat(toBpmpd).singleElement().satisfies(mail -> {
			assertThat(mail.getSubject()).contains(submitted.getNumber())
					.isEqualTo("Pantau: Laporan " + submitted.getNumber() + " masuk dan menunggu pemeriksaan BPMPD");
			assertThat(GreenMailUtil.getBody(mail)).contains("/laporan/" + submitted.getId());
		});

		PantauUser bpmpd = (PantauUser) users.loadUserByUsername("bpmpd");
		VillageReport returned = reporting.returnToVillage(bpmpd, submitted.getId(), submitted.getVersion(),
				"Sejak kapan belum diisi");
		VillageReport fixed = reporting.edit(village, returned.getId(), returned.getVersion(), new ReportForm(
				"Kyaw Min", "Myanmar", "M", "45", "", "", "nelayan", "", "2020", ""));
		reporting.submit(village, fixed.getId(), fixed.getVersion());
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				Arrays.stream(greenMail.getReceivedMessages()).filter(m -> addressedTo(m, BPMPD_ADDRESS))
						.map(ReportMailIntegrationTests::subject).toList()).as("told apart from a new report")
				.containsExactly("Pantau: Laporan " + submitted.getNumber() + " masuk dan menunggu pemeriksaan BPMPD",
						"Pantau: Laporan " + submitted.getNumber()
								+ " diperbaiki desa dan dikirim ulang; menunggu pemeriksaan BPMPD lagi"));
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static boolean addressedTo(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(a -> a.toString().equalsIgnoreCase(address));
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}
}
