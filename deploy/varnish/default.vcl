vcl 4.1;
# Varnish 7 in front of the Healthy Questions app servers (see README, "Varnish in front").
#
# Anonymous GET/HEAD of public pages are kept for as long as the app's s-maxage says, indexed by
# the cache tags in Surrogate-Key (vmod_xkey), and purged by tag the moment anything they show
# changes (PURGE with an xkey-purge or xkey-softpurge header, from the app's purge task).
# Everything personal (a session), every change (POST) and the private areas go straight through.

import std;
import xkey;

# The app server. Change host and port here (or with a sed in your deployment); several app
# servers: one backend each and a vmod_directors round-robin in vcl_init.
backend default {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
    .max_connections = 200;
    .probe = {
        .url = "/healthz";  # liveness: answered before host checks, touches nothing
        .interval = 2s;
        .timeout = 1s;
        .window = 5;
        .threshold = 3;
        .initial = 3;
    }
}

# Who may purge: the app servers and the task workers (they send the PURGE requests).
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            set req.http.x-purged = xkey.purge(req.http.xkey-purge);
        } elsif (req.http.xkey-softpurge) {
            set req.http.x-purged = xkey.softpurge(req.http.xkey-softpurge);
        } else {
            return (synth(400, "Name the cache tags in an xkey-purge or xkey-softpurge header"));
        }
        return (synth(200, "Purged " + req.http.x-purged));
    }

    # One host: the same page whatever the case or port a client writes.
    if (req.http.host) {
        set req.http.host = std.tolower(regsub(req.http.host, "\.?(:[0-9]*)?$", ""));
    }
    unset req.http.x-query;
    unset req.http.x-lookup;
    if (req.restarts == 0) {
        unset req.http.x-stale-ok;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The account, moderation, comment and admin areas are private whoever asks: straight
    # through, cookies and query string untouched (?next=, CSRF tokens).
    if (req.url ~ "^/(accounts|account|admin|moderation|comments)/") {
        return (pass);
    }
    # A session (a logged-in reader sees their own name and pending comments) or a one-time
    # message waiting to be shown: this reader's page, never kept nor served from the cache.
    if (req.http.cookie ~ "(^|;\s*)(sessionid|messages)=") {
        return (pass);
    }
    if (req.http.authorization) {
        return (pass);
    }
    # Any other cookie (analytics, a stale CSRF token) changes nothing on a public page.
    unset req.http.cookie;

    call hq_normalise_query;
    if (req.http.x-query == "pass") {
        unset req.http.x-query;
        return (pass);
    }
    unset req.http.x-query;

    # A purged page is never served while the app is up; stale pages only when it is down.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    } else {
        set req.grace = 24h;
    }
    if (req.http.x-stale-ok) {
        # Restarted after the app failed to answer: any kept copy is better than an error.
        set req.grace = 24h;
    }
    set req.http.x-lookup = "1";
    return (hash);
}

# The query string of a public page, reduced to what the pages read, so that no two spellings
# of one page make two cache entries: parameters sorted, tracking and unknown ones dropped,
# page numbers canonical (?page=01, ?page=%31, ?page=1&page=1 and no ?page are one page).
# Searches, reply forms and WordPress's old ?p= links go through uncached (unbounded keys).
sub hq_normalise_query {
    if (req.url !~ "\?") {
        return;
    }
    set req.http.x-query = "&" + regsub(std.querysort(req.url), "^[^?]*\?", "") + "&";
    # Keep only the parameters public pages read.
    set req.http.x-query = regsuball(req.http.x-query,
        "&(?!(page|comments-page|q|replyto|p|page_id)=)[^&]+", "");
    set req.http.x-query = regsuball(req.http.x-query, "&+", "&");
    if (req.http.x-query ~ "&(q|replyto|p|page_id)=") {
        set req.http.x-query = "pass";
        return;
    }
    # Digits written as %3N are digits.
    set req.http.x-query = regsuball(req.http.x-query, "%3([0-9])", "\1");
    # A page number is digits, or the app answers 404: never kept.
    if (req.http.x-query ~ "&(comments-)?page=(?![0-9]+&)") {
        set req.http.x-query = "pass";
        return;
    }
    set req.http.x-query = regsuball(req.http.x-query, "&((comments-)?page)=0+(?=[0-9])", "&\1=");
    set req.http.x-query = regsuball(req.http.x-query, "&(comments-)?page=1(?=&)", "");
    set req.http.x-query = regsuball(req.http.x-query, "&((comments-)?page=[0-9]+)(&\1)+(?=&)", "&\1");
    if (req.http.x-query ~ "&page=.*&page=" || req.http.x-query ~ "&comments-page=.*&comments-page=") {
        set req.http.x-query = "pass";  # two different page numbers: let the app decide
        return;
    }
    if (req.http.x-query == "&") {
        set req.url = regsub(req.url, "\?.*$", "");
    } else {
        set req.url = regsub(req.url, "\?.*$", "") + "?" + regsub(req.http.x-query, "^&(.*)&$", "\1");
    }
}

sub vcl_backend_response {
    # Index the object by its cache tags, for xkey.purge().
    if (beresp.http.surrogate-key) {
        set beresp.http.xkey = beresp.http.surrogate-key;
    }
    if (bereq.uncacheable) {
        return (deliver);
    }
    # The app failed: a background refresh is dropped (the stale copy stays); a reader's fetch
    # is dropped once, and the reader's request restarted allowing a stale copy (vcl_synth).
    if (beresp.status >= 500 && (bereq.is_bgfetch || !bereq.http.x-stale-ok)) {
        return (abandon);
    }
    # Kept only what the app marks public, for its s-maxage: never a response that sets a cookie,
    # nor a private one, nor an error or redirect the app did not mark public (Varnish's builtin
    # rules would keep those for two minutes).
    if (beresp.http.set-cookie
        || beresp.http.cache-control !~ "(^|[ ,])(public|s-maxage=)"
        || beresp.http.cache-control ~ "(^|[ ,])(private|no-store|no-cache)($|[ ,=])"
        || beresp.http.vary == "*") {
        set beresp.ttl = 0s;
        set beresp.grace = 0s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Served stale only while the app is down (see vcl_recv), at most a day.
    set beresp.grace = 24h;
    set beresp.keep = 0s;
    return (deliver);
}

sub vcl_backend_error {
    if (!bereq.uncacheable && (bereq.is_bgfetch || !bereq.http.x-stale-ok)) {
        return (abandon);
    }
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.x-cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.x-cache = "HIT";
    } else {
        set resp.http.x-cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.via;
}

sub vcl_synth {
    # A fetch was abandoned (the app is down or failed): once more, a stale copy allowed.
    if (resp.status == 503 && req.http.x-lookup && !req.http.x-stale-ok) {
        set req.http.x-stale-ok = "1";
        return (restart);
    }
}
