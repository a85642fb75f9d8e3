package io.backstop.service.api.pages;

import io.backstop.service.BackstopConfig;
import io.backstop.vault.VaultEvent;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The dashboard, served by the service: one page per kind of user. The pages are shells from Qute templates; what
 * they show comes from the public API and the signed-in user's own endpoints, read by the browser
 * ({@code /dashboard/dashboard.js}) and redrawn on every event of the vault's stream, so a page never shows what
 * the API would not say. Charts are Apache ECharts, served from its webjar.
 */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class DashboardPages {

    /** The page templates, checked at build time. */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance vaults(Page page);

        static native TemplateInstance vault(Page page);

        static native TemplateInstance fund(Page page);

        static native TemplateInstance lp(Page page);

        static native TemplateInstance trader(Page page);

        static native TemplateInstance operator(Page page);

        static native TemplateInstance signIn(Page page);
    }

    /**
     * What every page's shell needs.
     *
     * @param name      the page's name, which the script draws
     * @param title     its title
     * @param vault     the vault it shows, or null
     * @param localMode whether dev sign-in is offered
     * @param echarts   where the charting library is served
     * @param events    the names of the vault's event types, which the page follows on the stream
     */
    public record Page(String name, String title, String vault, boolean localMode, String echarts, String events) {
    }

    /** Every kind of vault event, by the name its SSE events carry ({@code event:}). */
    private static final String EVENT_TYPES = java.util.Arrays.stream(VaultEvent.class.getPermittedSubclasses())
            .map(Class::getSimpleName).sorted().collect(java.util.stream.Collectors.joining(" "));

    private final boolean localMode;
    private final String echarts;

    public DashboardPages(BackstopConfig config) {
        this.localMode = config.localMode();
        this.echarts = "/webjars/echarts/" + webjarVersion("org.webjars.npm", "echarts") + "/dist/echarts.min.js";
    }

    /** The version of a webjar on the class path, from its Maven metadata: the build decides it, not a template. */
    static String webjarVersion(String group, String artifact) {
        String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = DashboardPages.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("webjar " + group + ":" + artifact + " is not on the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Page page(String name, String title, String vault) {
        return new Page(name, title, vault, localMode, echarts, EVENT_TYPES);
    }

    /** All vaults at a glance. */
    @GET
    public TemplateInstance vaults() {
        return Templates.vaults(page("vaults", "Vaults", null));
    }

    /** One vault: NAV, utilisation, buffer and coverage with the ladder, series, waterfall, settlements. */
    @GET
    @Path("vaults/{id}")
    public TemplateInstance vault(@PathParam("id") String vault) {
        return Templates.vault(page("vault", "Vault " + vault, vault));
    }

    /** The insurance fund's public record. */
    @GET
    @Path("vaults/{id}/fund")
    public TemplateInstance fund(@PathParam("id") String vault) {
        return Templates.fund(page("fund", "Insurance fund of " + vault, vault));
    }

    /** An LP's page: deposit, withdraw, cancel what is queued, the account and its history. */
    @GET
    @Path("vaults/{id}/lp")
    public TemplateInstance lp(@PathParam("id") String vault) {
        return Templates.lp(page("lp", "Provide liquidity to " + vault, vault));
    }

    /** A trader's page: quote, buy, sell back, positions with P&L. */
    @GET
    @Path("vaults/{id}/trade")
    public TemplateInstance trader(@PathParam("id") String vault) {
        return Templates.trader(page("trader", "Trade options of " + vault, vault));
    }

    /** The protocol team's page: the policy, a change with its what-if preview, top-ups, settlements, the audit. */
    @GET
    @Path("vaults/{id}/operator")
    public TemplateInstance operator(@PathParam("id") String vault) {
        return Templates.operator(page("operator", "Operate " + vault, vault));
    }

    /** Sign-in: a dev token for a role and a name in local mode, a bearer token from the issuer otherwise. */
    @GET
    @Path("sign-in")
    public TemplateInstance signIn() {
        return Templates.signIn(page("sign-in", "Sign in", null));
    }
}
