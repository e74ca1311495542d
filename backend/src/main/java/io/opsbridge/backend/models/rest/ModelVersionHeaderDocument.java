package io.opsbridge.backend.models.rest;

import io.opsbridge.server.wire.AnswerHeadersFilter;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** {@link ModelVersionHeader} in the backend's document: declared on every answer, as it is sent. */
@OpenApiFilter(priority = AnswerHeadersFilter.LAST)
public class ModelVersionHeaderDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addHeader(ModelVersionHeader.NAME, AnswerHeadersFilter.header("The version of the"
                + " default strategy's model serving when the request arrived, or none", Schema.SchemaType.STRING));
        AnswerHeadersFilter.everyAnswer(openAPI, response -> response.addHeader(ModelVersionHeader.NAME,
                OASFactory.createHeader().ref(ModelVersionHeader.NAME)));
    }
}
