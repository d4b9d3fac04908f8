.class public final Lcom/q/Other;
.super Ljava/lang/Object;
.source "Other.java"

# interfaces
.implements Lcom/q/Task;

.method public constructor <init>()V
    .registers 1
    invoke-direct {p0}, Ljava/lang/Object;-><init>()V
    return-void
.end method

.method public run()V
    .registers 1
    return-void
.end method
