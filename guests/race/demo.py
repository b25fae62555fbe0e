# gdb script for the race demo (guests/race/demo.sh): run as
#   gdb-multiarch -batch -nx -ex 'target remote HOST:PORT' \
#       -x guests/race/demo.py build/guests/race.elf
# against `rewind replay REC --gdb` of a recording in which the race guest
# lost updates. It goes to the end of the recording, sets a watchpoint on
# shared_counter, and reverse-continues until it stands on the racing
# store: a store in racy_increment whose new value is not one more than the
# value it overwrites (see race.c). It prints both harts' source lines
# there and ends the session. On success its last narration line starts
# with "demo: landed on the racing store"; any other outcome raises an
# error whose message starts with "demo: FAILED".
import re

import gdb


def say(text):
    """A narration line, set apart from gdb's own output."""
    print("\n>>> " + text.replace("\n", "\n>>> "))


def run(cmd):
    """Echo a gdb command, then run it with its output shown."""
    print("(gdb) " + cmd)
    gdb.execute(cmd)


def fail(msg):
    raise gdb.GdbError("demo: FAILED: " + msg)


def store_source_reg(asm):
    """'sd\ta5,0(a4)' -> 'a5' for an integer store; None otherwise."""
    m = re.match(r"\s*c?\.?(sd|sw|sh|sb)\s+(\w+),", asm)
    return m.group(2) if m else None


class RacingStoreWatch(gdb.Breakpoint):
    """An access watchpoint on shared_counter that stops only at a lost
    update. gdb calls stop() at every access it reports; returning False
    resumes in the same direction without printing anything."""

    def __init__(self):
        super().__init__("shared_counter", gdb.BP_WATCHPOINT,
                         gdb.WP_ACCESS)
        self.hits = 0
        self.found = None

    def stop(self):
        self.hits += 1
        frame = gdb.selected_frame()
        if frame.name() != "racy_increment":
            return False  # hart 0's final check of the counter
        pc = frame.pc()
        asm = frame.architecture().disassemble(pc)[0]["asm"]
        reg = store_source_reg(asm)
        if reg is None:
            return False  # racy_increment's load
        # Going backwards, the hart stops before the store: memory still
        # holds the value it overwrites, the register the one it writes.
        overwritten = int(gdb.parse_and_eval("shared_counter"))
        written = int(gdb.parse_and_eval("$" + reg)) & (2**64 - 1)
        if written == overwritten + 1:
            return False  # a good increment
        self.found = (pc, asm.replace("\t", " "), overwritten, written)
        return True


def main():
    gdb.execute("set pagination off")
    gdb.execute("set confirm off")

    say("(a) Run the recording forward to its end. The guest has just\n"
        "reported the lost update through the test finisher; gdb says the\n"
        "execution history ends there.")
    run("continue")
    if gdb.selected_frame().name() != "finish":
        fail("the recording does not end in finish()")

    say("(b) Watch shared_counter. This is an access watchpoint\n"
        "(`awatch shared_counter`) with a check written in gdb's Python: at\n"
        "each access it lets execution go on unless the access is a store\n"
        "in racy_increment that writes something other than the value it\n"
        "overwrites plus one. (A plain `watch` would pass silently over a\n"
        "stale store that happens to write the value already there.)")
    print("(gdb) python RacingStoreWatch()")
    wp = RacingStoreWatch()

    say("(c) Go backwards from the end with reverse-continue. Every\n"
        "access to the counter on the way back is checked.")
    run("reverse-continue")
    if wp.found is None:
        fail("reverse-continue reached the start of the recording after "
             "%d accesses without finding a lost update" % wp.hits)
    pc, asm, overwritten, written = wp.found
    run("x/i $pc")
    hart = gdb.selected_thread().num - 1
    lost = overwritten + 1 - written
    say(("Stopped after checking %d accesses on the way back. This is the\n"
         "racing store. Going backwards gdb reports values from where it was\n"
         "to where it is now, so above its Old value is what this store\n"
         "writes and its New value what it overwrites. Forward in time:\n"
         "  Old value = %d\n"
         "  New value = %d\n"
         "The new value is not Old + 1: hart %d loaded the counter before\n"
         "the other hart's last %s and writes back a stale sum, wiping\n"
         "%s out.") % (wp.hits, overwritten, written, hart,
                       "increment" if lost == 1 else "%d increments" % lost,
                       "it" if lost == 1 else "them"))

    say("(d) Where both harts are at this instruction: the racing hart\n"
        "at its store, the other where the schedule left it.")
    run("monitor icount")
    run("info threads")
    run("thread apply all frame")

    say("demo: landed on the racing store: hart %d, pc 0x%x (%s) in "
        "racy_increment, writing %d over %d" %
        (hart, pc, asm, written, overwritten))


try:
    main()
finally:
    # End the session: the stub then exits by itself.
    gdb.execute("kill")
