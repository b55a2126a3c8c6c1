-- wrk script for the look-up benchmark: each request asks for a random number from NUMBERS (one per line, any
-- spelling), and each connection waits so that all of them together send about RATE requests/s. wrk's own
-- latency histogram then reports the service at that rate instead of at whatever rate it can sustain.
local numbers = {}
local pause_ms = 0

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  for line in io.lines(os.getenv("NUMBERS")) do
    if #line > 0 then numbers[#numbers + 1] = encode(line) end
  end
  math.randomseed(os.time() + #numbers)
  -- each of the CONNECTIONS sends one request every CONNECTIONS / RATE seconds, less the 1-2 ms an answer takes
  -- (whole milliseconds only: rounding down keeps the achieved rate at or a little above RATE)
  pause_ms = math.max(0, math.floor(tonumber(os.getenv("CONNECTIONS")) * 1000 / tonumber(os.getenv("RATE")) - 2))
end

function request()
  local path = os.getenv("BASE_PATH") .. numbers[math.random(#numbers)]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. os.getenv("TOKEN") })
end

function delay()
  return pause_ms
end
