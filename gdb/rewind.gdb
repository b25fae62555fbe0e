# rewind's commands for gdb. Load with `source build/rewind.gdb` (make
# installs it beside the binary), or put that line in ~/.gdbinit.
#
# gdb keeps the registers and memory it has read until the target runs;
# a monitor command that moves the machine does not count as running, and
# the remote protocol has no way for the stub to tell gdb to forget them.
# These commands move the machine and then make gdb read it afresh.

define rewind-seek
  if $argc != 1
    echo usage: rewind-seek ICOUNT\n
  else
    monitor seek $arg0
    maintenance flush register-cache
    maintenance flush dcache
  end
end
document rewind-seek
Go to an icount of the history: `monitor seek ICOUNT`, after which
registers, memory and the backtrace show the new point.
Usage: rewind-seek ICOUNT
end
