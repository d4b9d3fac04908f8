package dev.quiver.web.http;

/** What answers one route: reads the call's parameters, asks core, writes JSON. */
@FunctionalInterface
public interface Endpoint {
    void handle(Call call) throws Exception;
}
