package dev.vaina.linux;

import com.sun.jna.Function;
import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.util.Map;

/**
 * The libc functions vaina needs, under their C names. Sizes assume LP64 (size_t, ssize_t and long are
 * Java {@code long}); {@link #INSTANCE} refuses to load elsewhere rather than pass wrong-sized arguments.
 * Every function that sets errno declares {@link LastErrorException}; the helpers in this package turn it
 * into a {@link NativeCallException} naming the call and strerror.
 *
 * <p>Written out over JNA's {@link Function}s rather than mapped from an interface by {@code Native.load}, whose
 * proxy class is generated at run time, method by method, and whose methods each reflect on their signature at
 * their first call: for these functions that took 11-13 ms of every JVM that loads them (the monitor, on its way
 * to the runtime's create; the launcher; the command line's exec), against about 1 ms for this class. JNA
 * converts the arguments by their own types as it did by the declared ones: a String to a C string in UTF-8, a
 * String[] to a NULL-terminated char **, a primitive array to memory copied back after the call.
 */
final class LibC {
    /** Strings are encoded as UTF-8 whatever the locale: a monitor may run with LANG unset. */
    private static final String ENCODING = "UTF-8";

    static final LibC INSTANCE = new LibC();

    // prctl(2)
    static final int PR_SET_CHILD_SUBREAPER = 36;
    // waitpid(2)
    static final int WNOHANG = 1;
    // errno(3)
    static final int EINTR = 4;
    static final int EIO = 5;
    static final int ECHILD = 10;
    static final int EAGAIN = 11;
    static final int ESRCH = 3;
    static final int ENOENT = 2;
    static final int EINVAL = 22;
    static final int ECONNREFUSED = 111;
    // signal(7)
    static final int SIGKILL = 9;
    static final int SIGTERM = 15;
    // socket(2), unix(7), ip(7), ipv6(7)
    static final int AF_UNIX = 1;
    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int SO_REUSEADDR = 2;
    static final int IPPROTO_IPV6 = 41;
    static final int IPV6_V6ONLY = 26;
    static final int EADDRINUSE = 98;
    static final int SOCK_STREAM = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVTIMEO = 20;
    static final int SO_SNDTIMEO = 21;
    static final int SCM_RIGHTS = 1;
    static final int MSG_CMSG_CLOEXEC = 0x40000000;
    static final int SHUT_RDWR = 2;
    // poll(2)
    static final short POLLIN = 0x1;
    static final short POLLHUP = 0x10;
    // ioctl_tty(2); the generic values, used by x86_64 and aarch64
    static final long TIOCGWINSZ = 0x5413;
    static final long TIOCSWINSZ = 0x5414;
    // open(2)
    static final int O_RDONLY = 0;
    static final int O_WRONLY = 1;
    static final int O_APPEND = 0x400;
    static final int O_CLOEXEC = 0x80000;
    // setns(2), unshare(2)
    static final int CLONE_NEWNET = 0x40000000;
    static final int CLONE_NEWNS = 0x00020000;
    static final int CLONE_FS = 0x00000200;
    // termios(3)
    static final int TCSANOW = 0;
    /** sizeof(struct termios) with glibc on Linux, rounded up to leave room. */
    static final int TERMIOS_SIZE = 64;

    /** prctl(2) */
    int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException {
        return prctl.invokeInt(new Object[] {option, arg2, arg3, arg4, arg5});
    }

    /** waitpid(2) */
    int waitpid(int pid, int[] status, int options) throws LastErrorException {
        return waitpid.invokeInt(new Object[] {pid, status, options});
    }

    /** sizeof(posix_spawn_file_actions_t) with glibc on LP64 is 80, rounded up to leave room. */
    static final int POSIX_SPAWN_FILE_ACTIONS_SIZE = 128;

    /** posix_spawn_file_actions_init(3); returns an error number rather than setting errno */
    int posix_spawn_file_actions_init(Pointer actions) {
        return posix_spawn_file_actions_init.invokeInt(new Object[] {actions});
    }

    /** posix_spawn_file_actions_adddup2(3) */
    int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newfd) {
        return posix_spawn_file_actions_adddup2.invokeInt(new Object[] {actions, fd, newfd});
    }

    /** posix_spawn_file_actions_addclose(3) */
    int posix_spawn_file_actions_addclose(Pointer actions, int fd) {
        return posix_spawn_file_actions_addclose.invokeInt(new Object[] {actions, fd});
    }

    /** posix_spawn_file_actions_addclosefrom_np(3) (glibc 2.34): every descriptor from {@code from} up, closed */
    int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from) {
        return posix_spawn_file_actions_addclosefrom_np.invokeInt(new Object[] {actions, from});
    }

    /** posix_spawn_file_actions_destroy(3) */
    int posix_spawn_file_actions_destroy(Pointer actions) {
        return posix_spawn_file_actions_destroy.invokeInt(new Object[] {actions});
    }

    /** posix_spawn(3); returns an error number rather than setting errno */
    int posix_spawn(int[] pid, String path, Pointer actions, Pointer attributes, String[] argv, String[] envp) {
        return posix_spawn.invokeInt(new Object[] {pid, path, actions, attributes, argv, envp});
    }

    /** kill(2) */
    int kill(int pid, int sig) throws LastErrorException {
        return kill.invokeInt(new Object[] {pid, sig});
    }

    /** getpid(2) */
    int getpid() {
        return getpid.invokeInt(new Object[] {});
    }

    /** geteuid(2) */
    int geteuid() {
        return geteuid.invokeInt(new Object[] {});
    }

    /** mount(2) */
    int mount(String source, String target, String filesystemtype, long mountflags, String data)
            throws LastErrorException {
        return mount.invokeInt(new Object[] {source, target, filesystemtype, mountflags, data});
    }

    // mount(2)
    static final long MS_BIND = 4096;
    static final long MS_REC = 16384;
    static final long MS_PRIVATE = 1 << 18;
    static final long MS_SHARED = 1 << 20;

    /** open(2) */
    int open(String path, int flags) throws LastErrorException {
        return open.invokeInt(new Object[] {path, flags});
    }

    /** setns(2) */
    int setns(int fd, int nstype) throws LastErrorException {
        return setns.invokeInt(new Object[] {fd, nstype});
    }

    /** unshare(2) */
    int unshare(int flags) throws LastErrorException {
        return unshare.invokeInt(new Object[] {flags});
    }

    /** umount2(2) */
    int umount2(String target, int flags) throws LastErrorException {
        return umount2.invokeInt(new Object[] {target, flags});
    }

    /** socket(2) */
    int socket(int domain, int type, int protocol) throws LastErrorException {
        return socket.invokeInt(new Object[] {domain, type, protocol});
    }

    /** bind(2); addr is a packed struct sockaddr_un */
    int bind(int sockfd, byte[] addr, int addrlen) throws LastErrorException {
        return bind.invokeInt(new Object[] {sockfd, addr, addrlen});
    }

    /** connect(2); addr is a packed struct sockaddr_un */
    int connect(int sockfd, byte[] addr, int addrlen) throws LastErrorException {
        return connect.invokeInt(new Object[] {sockfd, addr, addrlen});
    }

    /** setsockopt(2) with an int option value */
    int setsockopt(int sockfd, int level, int optname, int[] optval, int optlen) throws LastErrorException {
        return setsockopt.invokeInt(new Object[] {sockfd, level, optname, optval, optlen});
    }

    /** listen(2) */
    int listen(int sockfd, int backlog) throws LastErrorException {
        return listen.invokeInt(new Object[] {sockfd, backlog});
    }

    /** accept4(2) */
    int accept4(int sockfd, Pointer addr, Pointer addrlen, int flags) throws LastErrorException {
        return accept4.invokeInt(new Object[] {sockfd, addr, addrlen, flags});
    }

    /** shutdown(2); wakes a thread blocked in accept(2) or read(2) on the socket */
    int shutdown(int sockfd, int how) throws LastErrorException {
        return shutdown.invokeInt(new Object[] {sockfd, how});
    }

    /** sendto(2); dest_addr is a packed struct sockaddr_un */
    long sendto(int sockfd, byte[] buf, long len, int flags, byte[] destAddr, int addrlen) throws LastErrorException {
        return sendto.invokeLong(new Object[] {sockfd, buf, len, flags, destAddr, addrlen});
    }

    /** recv(2) */
    long recv(int sockfd, byte[] buf, long len, int flags) throws LastErrorException {
        return recv.invokeLong(new Object[] {sockfd, buf, len, flags});
    }

    /** recvmsg(2); msg is a struct msghdr laid out by hand (see FdPassing) */
    long recvmsg(int sockfd, Pointer msg, int flags) throws LastErrorException {
        return recvmsg.invokeLong(new Object[] {sockfd, msg, flags});
    }

    /** sendmsg(2); msg is a struct msghdr laid out by hand (see UnixDatagramSocket) */
    long sendmsg(int sockfd, Pointer msg, int flags) throws LastErrorException {
        return sendmsg.invokeLong(new Object[] {sockfd, msg, flags});
    }

    /** poll(2); fds is an array of struct pollfd (int fd, short events, short revents) */
    int poll(Pointer fds, long nfds, int timeout) throws LastErrorException {
        return poll.invokeInt(new Object[] {fds, nfds, timeout});
    }

    /** setsockopt(2); optval is passed as raw memory (a struct timeval is long[2]) */
    int setsockopt(int sockfd, int level, int optname, long[] optval, int optlen) throws LastErrorException {
        return setsockopt.invokeInt(new Object[] {sockfd, level, optname, optval, optlen});
    }

    /** execve(2); JNA passes a String[] as a NULL-terminated char ** */
    int execve(String pathname, String[] argv, String[] envp) throws LastErrorException {
        return execve.invokeInt(new Object[] {pathname, argv, envp});
    }

    /** ioctl(2) with a struct winsize (four unsigned shorts: rows, cols, xpixel, ypixel) */
    int ioctl(int fd, long request, short[] winsize) throws LastErrorException {
        return ioctl.invokeInt(new Object[] {fd, request, winsize});
    }

    /** tcgetattr(3); termios is an opaque buffer of TERMIOS_SIZE bytes */
    int tcgetattr(int fd, byte[] termios) throws LastErrorException {
        return tcgetattr.invokeInt(new Object[] {fd, termios});
    }

    /** tcsetattr(3) */
    int tcsetattr(int fd, int optionalActions, byte[] termios) throws LastErrorException {
        return tcsetattr.invokeInt(new Object[] {fd, optionalActions, termios});
    }

    /** cfmakeraw(3) */
    void cfmakeraw(byte[] termios) {
        cfmakeraw.invokeVoid(new Object[] {termios});
    }

    /** isatty(3) */
    int isatty(int fd) {
        return isatty.invokeInt(new Object[] {fd});
    }

    /** read(2) */
    long read(int fd, byte[] buf, long count) throws LastErrorException {
        return read.invokeLong(new Object[] {fd, buf, count});
    }

    /** write(2) */
    long write(int fd, byte[] buf, long count) throws LastErrorException {
        return write.invokeLong(new Object[] {fd, buf, count});
    }

    /** pipe2(2) */
    int pipe2(int[] pipefd, int flags) throws LastErrorException {
        return pipe2.invokeInt(new Object[] {pipefd, flags});
    }

    // fcntl(2)
    static final int F_SETFD = 2;
    static final int FD_CLOEXEC = 1;

    /** fcntl(2) with an int argument; called without the varargs convention, which integers do not need */
    int fcntl(int fd, int cmd, int arg) throws LastErrorException {
        return fcntl.invokeInt(new Object[] {fd, cmd, arg});
    }

    /** close(2) */
    int close(int fd) throws LastErrorException {
        return close.invokeInt(new Object[] {fd});
    }

    /** strerror(3) */
    String strerror(int errnum) {
        return strerror.invokeString(new Object[] {errnum}, false);
    }

    private final Function prctl;
    private final Function waitpid;
    private final Function posix_spawn_file_actions_init;
    private final Function posix_spawn_file_actions_adddup2;
    private final Function posix_spawn_file_actions_addclose;
    private final Function posix_spawn_file_actions_addclosefrom_np;
    private final Function posix_spawn_file_actions_destroy;
    private final Function posix_spawn;
    private final Function kill;
    private final Function getpid;
    private final Function geteuid;
    private final Function mount;
    private final Function open;
    private final Function setns;
    private final Function umount2;
    private final Function unshare;
    private final Function socket;
    private final Function bind;
    private final Function connect;
    private final Function setsockopt;
    private final Function listen;
    private final Function accept4;
    private final Function shutdown;
    private final Function sendto;
    private final Function recv;
    private final Function recvmsg;
    private final Function sendmsg;
    private final Function poll;
    private final Function execve;
    private final Function ioctl;
    private final Function tcgetattr;
    private final Function tcsetattr;
    private final Function cfmakeraw;
    private final Function isatty;
    private final Function read;
    private final Function write;
    private final Function pipe2;
    private final Function fcntl;
    private final Function close;
    private final Function strerror;

    private LibC() {
        if (Native.LONG_SIZE != 8 || Native.POINTER_SIZE != 8) {
            throw new UnsupportedOperationException("vaina's libc bindings assume a 64-bit (LP64) platform");
        }
        NativeLibrary c = NativeLibrary.getInstance("c", Map.of(Library.OPTION_STRING_ENCODING, ENCODING));
        prctl = withErrno(c, "prctl");
        waitpid = withErrno(c, "waitpid");
        posix_spawn_file_actions_init = plain(c, "posix_spawn_file_actions_init");
        posix_spawn_file_actions_adddup2 = plain(c, "posix_spawn_file_actions_adddup2");
        posix_spawn_file_actions_addclose = plain(c, "posix_spawn_file_actions_addclose");
        posix_spawn_file_actions_addclosefrom_np = plain(c, "posix_spawn_file_actions_addclosefrom_np");
        posix_spawn_file_actions_destroy = plain(c, "posix_spawn_file_actions_destroy");
        posix_spawn = plain(c, "posix_spawn");
        kill = withErrno(c, "kill");
        getpid = plain(c, "getpid");
        geteuid = plain(c, "geteuid");
        mount = withErrno(c, "mount");
        open = withErrno(c, "open");
        setns = withErrno(c, "setns");
        umount2 = withErrno(c, "umount2");
        unshare = withErrno(c, "unshare");
        socket = withErrno(c, "socket");
        bind = withErrno(c, "bind");
        connect = withErrno(c, "connect");
        setsockopt = withErrno(c, "setsockopt");
        listen = withErrno(c, "listen");
        accept4 = withErrno(c, "accept4");
        shutdown = withErrno(c, "shutdown");
        sendto = withErrno(c, "sendto");
        recv = withErrno(c, "recv");
        recvmsg = withErrno(c, "recvmsg");
        sendmsg = withErrno(c, "sendmsg");
        poll = withErrno(c, "poll");
        execve = withErrno(c, "execve");
        ioctl = withErrno(c, "ioctl");
        tcgetattr = withErrno(c, "tcgetattr");
        tcsetattr = withErrno(c, "tcsetattr");
        cfmakeraw = plain(c, "cfmakeraw");
        isatty = plain(c, "isatty");
        read = withErrno(c, "read");
        write = withErrno(c, "write");
        pipe2 = withErrno(c, "pipe2");
        fcntl = withErrno(c, "fcntl");
        close = withErrno(c, "close");
        strerror = plain(c, "strerror");
    }

    /** A function that reports failure through errno: the call throws LastErrorException. */
    private static Function withErrno(NativeLibrary c, String name) {
        return c.getFunction(name, Function.THROW_LAST_ERROR, ENCODING);
    }

    /** A function that does not set errno, or whose result says all. */
    private static Function plain(NativeLibrary c, String name) {
        return c.getFunction(name, Function.C_CONVENTION, ENCODING);
    }
}
