package io.backstop.service.api.docs;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.junit.jupiter.api.Test;

/** Outside local mode the document does not list the local-mode endpoints, which answer 404 there. */
class ApiDocumentTest {

    @Test
    void theLocalModeEndpointsAreListedOnlyInLocalMode() {
        for (boolean localMode : new boolean[] {true, false}) {
            OpenAPI doc = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                    .addPathItem("/api/v1/dev/tokens", post())
                    .addPathItem("/api/v1/vaults/{id}/deposits", post()));
            ApiDocument.document(doc, localMode);
            assertThat(doc.getPaths().getPathItems().keySet()).as("local mode %s", localMode)
                    .contains("/api/v1/vaults/{id}/deposits").hasSize(localMode ? 2 : 1);
            assertThat(doc.getPaths().getPathItem("/api/v1/vaults/{id}/deposits").getPOST().getResponses()
                    .getAPIResponse("409").getContent().getMediaType("application/problem+json")).isNotNull();
        }
    }

    private static PathItem post() {
        return OASFactory.createPathItem().POST(OASFactory.createOperation());
    }
}
