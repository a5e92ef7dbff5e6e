package io.paperstream.query.web;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

/** A request's {@link UriInfo} with other query parameters, for calling an API resource with a subset of the page's. */
final class UriInfos {
    private UriInfos() {}

    static UriInfo withQuery(UriInfo request, Map<String, List<String>> query) {
        MultivaluedMap<String, String> params = new MultivaluedHashMap<>();
        query.forEach(params::addAll);
        return (UriInfo) Proxy.newProxyInstance(
                UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getQueryParameters")) {
                        return params;
                    }
                    try {
                        return method.invoke(request, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
