-- Comment POSTs for `make bench` (bench/cluster.py): wrk -t N -c N, one writer per thread, each
-- with its own session, CSRF token and distinct texts. Every accepted post (a redirect to
-- "#comment-<id>") is counted and its id written to ACCEPTED_FILE, so that the bench can check
-- that every one of them was stored.
local writers, threads = {}, {}
for line in io.lines(os.getenv("WRITERS_FILE")) do
  local cookie, token = line:match("^(%S+) (%S+)$")
  table.insert(writers, {cookie = cookie, token = token})
end

function setup(thread)
  local number = #threads + 1
  thread:set("number", number)
  thread:set("cookie", writers[number].cookie)
  thread:set("token", writers[number].token)
  table.insert(threads, thread)
end

function init(args)
  sequence, accepted = 0, {}
  path = os.getenv("POST_PATH")
end

function request()
  sequence = sequence + 1
  local body = "csrfmiddlewaretoken=" .. token .. "&body=Bench+writer+" .. number ..
    "%2C+comment+" .. sequence .. "%3A+keeping+an+eye+on+the+queue."
  return wrk.format("POST", path, {
    ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end

function response(status, headers, body)
  local id = status == 302 and (headers["Location"] or ""):match("#comment%-(%d+)$")
  if id then table.insert(accepted, id) end
end

function done(summary, latency, requests)
  local out = io.open(os.getenv("ACCEPTED_FILE"), "w")
  for _, thread in ipairs(threads) do
    for _, id in ipairs(thread:get("accepted")) do out:write(id, "\n") end
  end
  out:close()
end
