# Overloads: log(int)/log(String) differ in a parameter; conv(int) returning int or long differ only
# in their return type (legal in bytecode); send(Msg) takes two classes of the same simple name.
.class public final Lcom/app/Util;
.super Ljava/lang/Object;
.source "Util.java"

.method public static log(I)V
    .registers 2
    invoke-static {p0}, Ljava/lang/String;->valueOf(I)Ljava/lang/String;
    move-result-object v0
    invoke-static {v0}, Lcom/app/Util;->log(Ljava/lang/String;)V
    return-void
.end method

.method public static log(Ljava/lang/String;)V
    .registers 2
    const-string v0, "app"
    invoke-static {v0, p0}, Landroid/util/Log;->d(Ljava/lang/String;Ljava/lang/String;)I
    return-void
.end method

.method public static conv(I)I
    .registers 1
    return p0
.end method

.method public static conv(I)J
    .registers 3
    int-to-long v0, p0
    return-wide v0
.end method

.method public static send(Lcom/app/net/Msg;)V
    .registers 1
    return-void
.end method

.method public static send(Lcom/lib/Msg;)V
    .registers 1
    return-void
.end method
