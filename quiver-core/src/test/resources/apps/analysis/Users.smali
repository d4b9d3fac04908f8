.class public Lcom/q/Users;
.super Ljava/lang/Object;
.source "Users.java"

.method public static fromString()V
    .registers 1
    const-string v0, "secret"
    invoke-static {v0}, Lcom/q/Crypto;->encrypt(Ljava/lang/String;)[B
    return-void
.end method

.method public static fromBytes([B)V
    .registers 1
    invoke-static {p0}, Lcom/q/Crypto;->encrypt([B)[B
    invoke-static {p0}, Lcom/q/Crypto;->encrypt([B)[B
    return-void
.end method

.method public static useTask(Lcom/q/Task;)V
    .registers 1
    invoke-interface {p0}, Lcom/q/Task;->run()V
    return-void
.end method

.method public static useBase(Lcom/q/Base;)V
    .registers 1
    invoke-virtual {p0}, Lcom/q/Base;->run()V
    return-void
.end method

.method public static useImpl(Lcom/q/Impl;)V
    .registers 1
    invoke-virtual {p0}, Lcom/q/Impl;->run()V
    return-void
.end method

.method public static useSub(Lcom/q/Sub;)V
    .registers 1
    invoke-virtual {p0}, Lcom/q/Sub;->run()V
    return-void
.end method

.method public static superOfSub(Lcom/q/Sub;)V
    .registers 1
    invoke-super {p0}, Lcom/q/Base;->run()V
    return-void
.end method

.method public static useRunnable(Ljava/lang/Runnable;)V
    .registers 1
    invoke-interface {p0}, Ljava/lang/Runnable;->run()V
    return-void
.end method
